package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class InterfaceWriterTest {
    static final NicSpec UPLINK = new NicSpec("uplink", null, NetworkRef.named("bridge", "br-lab1"), null, null,
            LinkState.DOWN, 3);

    @Test
    void newNicCarriesAliasDefaultModelLinkAndBootOrder() {
        String xml = Xml.write(InterfaceWriter.create(UPLINK, MacAddress.parse("52:54:00:00:00:01")));
        assertThat(xml).isEqualTo("<interface type=\"bridge\"><mac address=\"52:54:00:00:00:01\"/>"
                + "<source bridge=\"br-lab1\"/><model type=\"virtio\"/><link state=\"down\"/>"
                + "<boot order=\"3\"/><alias name=\"ua-uplink\"/></interface>");
    }

    @Test
    void readingWhatWasWrittenGivesTheSpecBack() {
        Element e = InterfaceWriter.create(UPLINK.withNetwork(NetworkRef.named("network", "lab")), null);
        DomainNic back = InterfaceReader.read(e);
        assertThat(back.spec()).isEqualTo(new NicSpec("uplink", null, NetworkRef.named("network", "lab"),
                "virtio", null, LinkState.DOWN, 3));
    }

    @Test
    void liveNicOnANetworkGoesBackInNetworkForm() {
        DomainNic extra = Fixtures.domain("noos-live.xml").nics().get(1);
        Element copy = InterfaceWriter.copy(extra.element());
        assertThat(copy.getAttribute("type")).isEqualTo("network");
        Element source = Xml.child(copy, "source").orElseThrow();
        assertThat(source.getAttributes().getLength()).isEqualTo(1);
        assertThat(source.getAttribute("network")).isEqualTo("lab");
        // Everything else of the device stays, so libvirt's update does not lose it.
        assertThat(Xml.childAttr(copy, "mac", "address")).isEqualTo("52:54:00:68:4d:37");
        assertThat(Xml.childAttr(copy, "address", "slot")).isEqualTo("0x03");
    }

    @Test
    void repointKeepsTheRestOfTheDevice() {
        DomainNic nic = Fixtures.domain("kernel-live.xml").nics().get(0);
        Element moved = InterfaceWriter.withNetwork(nic.element(), NetworkRef.named("network", "lab"));
        DomainNic back = InterfaceReader.read(moved);
        assertThat(back.spec().network()).isEqualTo(NetworkRef.named("network", "lab"));
        assertThat(back.mac()).isEqualTo(nic.mac());
        assertThat(back.pciAddress()).isEqualTo(nic.pciAddress());
        assertThat(Xml.childAttr(moved, "target", "dev")).isEqualTo("vnet0");
        // The original element is untouched.
        assertThat(InterfaceReader.read(nic.element()).spec().network()).isEqualTo(NetworkRef.named("bridge", "br-lab0"));
    }

    @Test
    void setLinkChangesOnlyTheLink() {
        DomainNic nic = Fixtures.domain("noos-live.xml").nics().get(0);
        DomainNic up = InterfaceReader.read(InterfaceWriter.withLink(nic.element(), LinkState.UP));
        assertThat(up.spec()).isEqualTo(nic.spec().withLink(LinkState.UP));
    }
}
