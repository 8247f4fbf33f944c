package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.VmRef;
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

    @Test
    void everyNicOfAVmThatIsNotUpIsInItsConfigurationOnly() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.engine.change(s -> s.vmByName("quiet").orElseThrow().status = "paused");
            LiveVm down = lab.observe("web-02");
            assertThat(down.power()).isEqualTo(PowerState.STOPPED);
            assertThat(down.nic("nic1").orElseThrow().plugged()).isFalse();
            assertThat(down.nic("nic1").orElseThrow().persisted()).isTrue();
            assertThat(down.capacity().supported()).isFalse();
            LiveVm paused = lab.observe("quiet");
            assertThat(paused.power()).isEqualTo(PowerState.PAUSED);
            assertThat(paused.capacity().detail()).contains("the engine plugs NICs only into a VM that is up");
        }
    }

    @Test
    void networksAreNamedInTheVmsDataCenterOrSaidToBeNone() throws Exception {
        var state = io.nicsync.plugin.ovirt.sim.Fixtures.standard();
        var web = state.vmByName("web-01").orElseThrow();
        io.nicsync.plugin.ovirt.sim.Fixtures.nic(state, web, "bare", "56:6f:1a:00:00:41", "lab-a").profileId = null;
        io.nicsync.plugin.ovirt.sim.Fixtures.nic(state, web, "hidden", "56:6f:1a:00:00:42", "lab-a").profileId =
                "0d5c3c45-0000-0000-0000-000000000000";
        try (OvirtLab lab = OvirtLab.of(state, java.util.Map.of())) {
            LiveVm vm = lab.observe("web-01");
            assertThat(vm.nic("bare").orElseThrow().live().network()).isEqualTo(NetworkRef.of("emptyProfile"));
            assertThat(vm.nic("hidden").orElseThrow().live().network()).isEqualTo(NetworkRef.of("vnicProfileId",
                    "id", "0d5c3c45-0000-0000-0000-000000000000"));
        }
    }

    @Test
    void theFingerprintMovesWithThePluggedFlagAndAnUnknownVmIsNotFound() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var before = lab.observe("web-01").fingerprint();
            assertThat(lab.observe("web-01").fingerprint()).isEqualTo(before);
            lab.engine.change(s -> s.vmByName("web-01").orElseThrow().nics.get(0).plugged = false);
            LiveVm after = lab.observe("web-01");
            assertThat(after.fingerprint()).isNotEqualTo(before);
            assertThat(after.nic("nic1").orElseThrow().plugged()).as("unplugged, in the configuration").isFalse();
            assertThat(after.nic("nic1").orElseThrow().persisted()).isTrue();
            assertThat(lab.target.observeAll()).extracting(v -> v.ref().name())
                    .containsExactly("web-01", "web-02", "stuck", "quiet");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.target.observe(VmRef.of("dc1", "nobody")))
                    .isInstanceOfSatisfying(TargetException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        }
    }

    @Test
    void aNicModelNewerThanTheSdkHasNoModel() throws Exception {
        var state = io.nicsync.plugin.ovirt.sim.Fixtures.standard();
        io.nicsync.plugin.ovirt.sim.Fixtures.nic(state, state.vmByName("web-01").orElseThrow(), "newer",
                "56:6f:1a:00:00:43", "lab-a").iface = "e1000e";
        try (OvirtLab lab = OvirtLab.of(state, java.util.Map.of())) {
            LiveVm vm = lab.observe("web-01");
            assertThat(vm.nic("newer").orElseThrow().live().model()).as("e1000e is unknown to the SDK 4.4.5").isNull();
            assertThat(vm.capacity().freeSlots()).as("it takes a PCI device all the same").isEqualTo(20);
        }
    }
}
