package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.PowerState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainFactsReaderTest {

    /** Every fixture: the streaming reading finds the NICs the DOM reading (used for edits) finds. */
    @Test
    void readsTheSameNicsAsTheDomOnEveryFixture() {
        for (String[] line : fingerprints()) {
            String xml = Fixtures.read(line[0]);
            assertThat(DomainFactsReader.read(xml).nics()).as(line[0])
                    .isEqualTo(DomainXml.parse(xml).nics().stream().map(DomainNic::facts).toList());
        }
    }

    /**
     * Every fixture: the fingerprint is the one the DOM canonicalization gave before the streaming reader
     * replaced it (fixtures/fingerprints.txt), so plans saved earlier are not refused as stale.
     */
    @Test
    void fingerprintsAreUnchangedFromTheDomCanonicalization() {
        for (String[] line : fingerprints()) {
            DomainFacts facts = Fixtures.facts(line[0]);
            assertThat(XmlFingerprint.of(PowerState.RUNNING, facts, facts).value()).as(line[0]).isEqualTo(line[2]);
            assertThat(XmlFingerprint.of(PowerState.STOPPED, null, facts).value()).as(line[0]).isEqualTo(line[4]);
        }
    }

    @Test
    void readsRunStateMachineAcpiAndPciLayout() {
        DomainFacts live = Fixtures.facts("bridge-live.xml");
        assertThat(live.active()).isTrue();
        assertThat(live.machineType()).isEqualTo("pc-i440fx-7.2");
        assertThat(live.i440fx()).isTrue();
        assertThat(live.acpi()).isTrue();
        assertThat(live.video()).isTrue();
        assertThat(live.pciControllers()).extracting(DomainFacts.PciController::model).contains("pci-bridge");
        assertThat(Fixtures.facts("kernel-inactive.xml").active()).isFalse();
        assertThat(Fixtures.facts("noacpi-live.xml").acpi()).isFalse();
        assertThat(Fixtures.facts("q35-hotplug-off-live.xml").pciControllers())
                .anyMatch(DomainFacts.PciController::hotplugOff);
    }

    @Test
    void theTapNameAndCommentsDoNotReachTheCanonicalForm() {
        String xml = Fixtures.read("kernel-live.xml");
        String withOtherTap = xml.replaceAll("<target dev='[^']*'/>", "<target dev='vnet99'/>")
                .replace("<model type='virtio'/>", "<model type='virtio'/><!-- a comment -->");
        assertThat(DomainFactsReader.read(withOtherTap).canonicalDevices())
                .isEqualTo(DomainFactsReader.read(xml).canonicalDevices())
                .contains("<model type=\"virtio\"></model>")
                .doesNotContain("vnet");
    }

    /** fixtures/fingerprints.txt: {@code <fixture> running <fingerprint> stopped <fingerprint>} a line. */
    private static List<String[]> fingerprints() {
        return Fixtures.read("fingerprints.txt").lines().map(l -> l.split(" ")).toList();
    }
}
