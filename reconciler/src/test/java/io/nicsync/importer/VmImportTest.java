package io.nicsync.importer;

import static io.nicsync.importer.LiveVms.both;
import static io.nicsync.importer.LiveVms.bridge;
import static io.nicsync.importer.LiveVms.nic;
import static io.nicsync.importer.LiveVms.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.VmRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VmImportTest {
    private static final VmRef WEB = VmRef.of("lab", "web-01");
    private static final Set<String> LIBVIRT = Set.of("bridge", "network");

    @Test
    void unnamedNicsAreNamedInPciOrderAroundTakenNamesAndKeepTheirMac() {
        var vm = VmImport.of(LiveVms.running(WEB,
                both(null, "52:54:00:00:00:03", bridge("br-lab1"), "0000:00:05.0"),
                both("nic0", "52:54:00:00:00:01", bridge("br-lab0"), "0000:00:07.0"),
                both(null, "52:54:00:00:00:02", bridge("br-lab0"), "0000:00:03.0")), LIBVIRT);

        assertThat(vm.nics()).extracting(n -> n.nic().name()).containsExactly("nic2", "nic0", "nic1");
        assertThat(vm.nics()).extracting(ImportedNic::generatedName).containsExactly(true, false, true);
        assertThat(vm.desired().nic("nic1").map(DesiredNic::mac)).contains(MacAddress.parse("52:54:00:00:00:02"));
        assertThat(vm.desired().nic("nic2").map(DesiredNic::network)).contains(bridge("br-lab1"));
    }

    @Test
    void aPluggedNicOutsideThePersistentDefinitionIsDeclaredLiveOnly() {
        NicSpec live = spec("scratch", "52:54:00:00:00:05", bridge("br-lab1"), "e1000", LinkState.DOWN);
        var vm = VmImport.of(LiveVms.running(WEB, nic("scratch", "52:54:00:00:00:05", live, null, null)), LIBVIRT);

        DesiredNic declared = vm.desired().nics().getFirst();
        assertThat(declared.persist()).isFalse();
        assertThat(declared.link()).isEqualTo(LinkState.DOWN);
        assertThat(declared.model()).isEqualTo("e1000");
    }

    @Test
    void aStoppedVmIsDeclaredFromItsPersistentDefinitionWithItsBootOrder() {
        NicSpec persistent = new NicSpec(null, MacAddress.parse("52:54:00:00:00:06"), NetworkRef.named("network", "lab"),
                "virtio", null, LinkState.UP, 2);
        var vm = VmImport.of(LiveVms.stopped(WEB, nic(null, "52:54:00:00:00:06", null, persistent, "0000:00:03.0")),
                LIBVIRT);

        DesiredNic declared = vm.desired().nics().getFirst();
        assertThat(declared.persist()).isTrue();
        assertThat(declared.bootOrder()).isEqualTo(2);
        assertThat(declared.network()).isEqualTo(NetworkRef.named("network", "lab"));
    }

    @Test
    void nicsThatCannotBeDeclaredAsTheyAreAreLeftOutWithTheReason() {
        NicSpec pending = spec("pending", "52:54:00:00:00:08", bridge("br-lab0"), "virtio", LinkState.UP);
        NicSpec macvtap = spec(null, "52:54:00:00:00:09", NetworkRef.of("direct", "device", "eth0", "mode", "bridge"), "virtio", LinkState.UP);
        var vm = VmImport.of(LiveVms.running(WEB,
                nic("pending", "52:54:00:00:00:08", null, pending, null),
                nic(null, "52:54:00:00:00:09", macvtap, macvtap, "0000:00:04.0"),
                both("Bad_Name", "52:54:00:00:00:0a", bridge("br-lab0"), null)), LIBVIRT);

        assertThat(vm.nics()).isEmpty();
        assertThat(vm.skipped()).satisfiesExactly(
                s -> assertThat(s).startsWith("pending").contains("persistent definition only"),
                s -> assertThat(s).startsWith("52:54:00:00:00:09 (direct eth0/bridge)").contains("cannot declare a NIC on a direct connection"),
                s -> assertThat(s).startsWith("Bad_Name").contains("not a valid nicsync NIC name"));
    }

    @Test
    void aFieldTheTwoDefinitionsDisagreeOnIsLeftOutAndSaidWhy() {
        NicSpec live = spec("uplink", "52:54:00:00:00:0b", bridge("br-lab0"), "e1000", LinkState.UP);
        NicSpec persistent = spec("uplink", "52:54:00:00:00:0b", bridge("br-lab0"), "virtio", LinkState.UP);
        var vm = VmImport.of(LiveVms.running(WEB, nic("uplink", "52:54:00:00:00:0b", live, persistent, null)), LIBVIRT);

        ImportedNic declared = vm.nics().getFirst();
        assertThat(declared.nic().model()).isNull();
        assertThat(declared.nic().mac()).isEqualTo(MacAddress.parse("52:54:00:00:00:0b"));
        assertThat(declared.remarks()).containsExactly(
                "model left out: the running VM has e1000, the persistent definition virtio; each keeps its own");
    }
}
