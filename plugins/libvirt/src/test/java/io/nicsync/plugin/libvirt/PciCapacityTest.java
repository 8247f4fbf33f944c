package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.HotplugCapacity;
import org.junit.jupiter.api.Test;

class PciCapacityTest {

    @Test
    void i440fxCountsFreeSlotsOnPciRoot() {
        // Bus 0 holds the ISA/USB function at 0x01 and the NIC at 0x02: 31 - 2 slots stay free.
        HotplugCapacity c = PciCapacity.of(Fixtures.domain("kernel-live.xml"));
        assertThat(c.supported()).isTrue();
        assertThat(c.freeSlots()).isEqualTo(29);
        assertThat(c.detail()).isEqualTo("29 free slots on pci-root");
    }

    @Test
    void aHotpluggedNicTakesASlot() {
        assertThat(PciCapacity.of(Fixtures.domain("noos-live.xml")).freeSlots()).isEqualTo(28);
    }

    @Test
    void videoKeepsSlotTwoAndPciBridgesAddTheirSlots() {
        HotplugCapacity c = PciCapacity.of(Fixtures.domain("bridge-live.xml"));
        assertThat(c.freeSlots()).isEqualTo(28 + 30);
        assertThat(c.detail()).isEqualTo("28 free slots on pci-root, 30 on 1 pci-bridge(s)");
    }

    @Test
    void i440fxWithoutAcpiCannotHotplug() {
        HotplugCapacity c = PciCapacity.of(Fixtures.domain("noacpi-live.xml"));
        assertThat(c.supported()).isFalse();
        assertThat(c.detail()).contains("no <features><acpi/>");
    }

    @Test
    void q35CountsRootPortsWithNothingOnTheirBus() {
        // Ports 1 and 2 carry the NIC and the USB controller; port 3 is libvirt's one spare.
        HotplugCapacity c = PciCapacity.of(Fixtures.domain("q35-live.xml"));
        assertThat(c.freeSlots()).isEqualTo(1);
        assertThat(c.detail()).isEqualTo("1 of 3 pcie-root-ports free");
    }

    @Test
    void q35RootPortWithHotplugOffIsNotFree() {
        assertThat(PciCapacity.of(Fixtures.domain("q35-hotplug-off-live.xml")).freeSlots()).isZero();
    }
}
