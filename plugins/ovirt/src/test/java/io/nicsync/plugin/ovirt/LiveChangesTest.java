package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a plugged NIC of a running VM takes live: its vNIC profile and {@code linked}; and what it does not: its
 * interface model and MAC (CANNOT_PERFORM_HOT_UPDATE), anything on a profile that mirrors ports, anything of a
 * passthrough NIC, where the engine's release decides how it fails.
 */
class LiveChangesTest {

    @Test
    void theLinkAndTheProfileOfAPluggedNicChangeLive() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            lab.apply(new SetLink(vm, nic1.live(), LinkState.UP, LinkState.DOWN, true, "test"));
            assertThat(lab.simNic("web-01", "nic1").linked).isFalse();
            lab.apply(new RepointNic(vm, nic1.live(), nic1.live().network(), Networks.profile("lab-b", "lab-b"), "t"));
            LiveNic moved = lab.observe("web-01").nic("nic1").orElseThrow();
            assertThat(moved.plugged()).as("never unplugged").isTrue();
            assertThat(moved.live().network()).isEqualTo(Networks.profile("lab-b", "lab-b"));
            assertThat(moved.live().link()).isEqualTo(LinkState.DOWN);
            assertThat(lab.target.capabilities().canRepointLive(nic1.live(), Networks.profile("lab-b", "lab-b")))
                    .isTrue();
            assertThat(lab.target.capabilities().canSetLinkLive(nic1.live())).isTrue();
        }
    }

    @Test
    void theModelAndMacOfAPluggedNicDoNotChangeLive() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            for (var changed : new io.nicsync.spi.NicSpec[] {
                new io.nicsync.spi.NicSpec("nic1", nic1.mac(), nic1.live().network(), "e1000", null, LinkState.UP, null),
                nic1.live().withMac(MacAddress.parse("56:6f:1a:00:00:77"))}) {
                assertThatThrownBy(() -> lab.target.execute(new PersistNic(vm, changed, nic1.persistent(), "test"),
                        Duration.ofSeconds(5))).isInstanceOfSatisfying(TargetException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                            assertThat(e.getMessage()).contains("Please un-plug the interface, update the properties,"
                                    + " and then plug it back").contains("CANNOT_PERFORM_HOT_UPDATE");
                        });
            }
            assertThat(lab.simNic("web-01", "nic1").iface).isEqualTo("virtio");
            assertThat(lab.simNic("web-01", "nic1").mac).isEqualTo("56:6f:1a:00:00:01");
        }
    }

    @Test
    void aNicOnAProfileThatMirrorsPortsIsNotChangedLive() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            var mirrored = Networks.profile("lab-a", "mirrored");
            lab.apply(new AddNic(vm, new io.nicsync.spi.NicSpec("tap", null, mirrored, "virtio", null, LinkState.UP,
                    null), "test"));
            LiveNic tap = lab.observe("web-01").nic("tap").orElseThrow();
            assertThat(lab.target.capabilities().canRepointLive(tap.live(), Networks.profile("lab-b", "lab-b")))
                    .isFalse();
            assertThat(lab.target.capabilities().canSetLinkLive(tap.live())).isFalse();
            assertThatThrownBy(() -> lab.target.execute(new RepointNic(vm, tap.live(), mirrored,
                    Networks.profile("lab-b", "lab-b"), "test"), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.getMessage())
                            .contains("CANNOT_PERFORM_HOT_UPDATE_WITH_PORT_MIRRORING"));
        }
    }

    @Test
    void aPassthroughNicIsRefusedByTheEngineFrom43AndByLibvirtBefore() throws Exception {
        for (String version : new String[] {"4.2.8", "4.5.6"}) {
            var state = io.nicsync.plugin.ovirt.sim.Fixtures.standard();
            state.version = version;
            var web = state.vmByName("web-01").orElseThrow();
            io.nicsync.plugin.ovirt.sim.Fixtures.nic(state, web, "vf0", "56:6f:1a:00:00:31", "lab-a").iface =
                    "pci_passthrough";
            try (OvirtLab lab = OvirtLab.of(state, java.util.Map.of())) {
                LiveNic vf0 = lab.observe("web-01").nic("vf0").orElseThrow();
                assertThat(lab.target.capabilities().canRepointLive(vf0.live(), Networks.profile("lab-b", "lab-b")))
                        .isFalse();
                assertThatThrownBy(() -> lab.target.execute(new RepointNic(OvirtLab.vm("web-01"), vf0.live(),
                        vf0.live().network(), Networks.profile("lab-b", "lab-b"), "test"), Duration.ofSeconds(5)))
                        .as("engine %s", version).isInstanceOfSatisfying(TargetException.class, e ->
                                assertThat(e.getMessage()).contains(version.startsWith("4.2")
                                        ? "UPDATE_VNIC_FAILED (VDSM error 56)" : "CANNOT_PERFORM_HOT_UPDATE"));
                assertThat(lab.simNic("web-01", "vf0").profileId).as("unchanged").isEqualTo(
                        state.profileIn(state.dataCenterOf(web), "lab-a", "lab-a").orElseThrow().id());
            }
        }
    }
}
