package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.PowerState;
import org.junit.jupiter.api.Test;

/** Observing VMs through the SDK on the simulated engine: the engine's one configuration as nicsync's two views. */
class ObserveTest {

    @Test
    void aRunningVmsPluggedNicIsLiveAndInItsConfiguration() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            LiveVm vm = lab.observe("web-01");
            assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
            LiveNic nic = vm.nic("nic1").orElseThrow();
            assertThat(nic.mac()).isEqualTo(MacAddress.parse("56:6f:1a:00:00:01"));
            assertThat(nic.live()).isEqualTo(nic.persistent());
            assertThat(nic.live().network()).isEqualTo(NetworkRef.of("vnicProfile", "network", "ovirtmgmt",
                    "profile", "ovirtmgmt"));
            assertThat(nic.live().model()).isEqualTo("virtio");
            assertThat(nic.live().link()).isEqualTo(LinkState.UP);
            // 26 PCI devices less: 1 monitor, the balloon, 1 NIC, 1 virtio disk, virtio-scsi
            assertThat(vm.capacity().freeSlots()).isEqualTo(21);
        }
    }
}
