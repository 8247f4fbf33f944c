package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Adding and plugging, unplugging and removing, as separate engine operations: a NIC is added plugged or unplugged,
 * plugged and unplugged by its {@code plugged} flag, and removed only once unplugged; an unplug is done only when the
 * guest has let the device go.
 */
class PlugAndUnplugTest {

    @Test
    void anAddIsOneRequestThatAddsThePluggedNic() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            LiveVm before = lab.observe("web-01");
            LiveVm after = lab.apply(new AddNic(OvirtLab.vm("web-01"), OvirtLab.nic("eth1", "lab-a"), "test"));
            LiveNic eth1 = after.nic("eth1").orElseThrow();
            assertThat(eth1.live()).as("plugged into the running VM and in its configuration").isNotNull()
                    .isEqualTo(eth1.persistent());
            assertThat(eth1.mac().value()).as("a MAC from the engine's pool").startsWith("56:6f:1a:00:00:");
            assertThat(lab.simNic("web-01", "eth1").plugged).isTrue();
            assertThat(lab.engine.requests()).filteredOn(r -> r.startsWith("POST") && r.contains("/nics"))
                    .containsExactly("POST /ovirt-engine/api/vms/" + lab.simVm("web-01").id + "/nics");
            assertThat(after.capacity().freeSlots()).isEqualTo(before.capacity().freeSlots() - 1);
        }
    }

    @Test
    void aNicInTheConfigurationButUnpluggedIsNeitherLiveNorStartedAndAnAddPlugsIt() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            LiveVm configured = lab.apply(new PersistNic(vm, OvirtLab.nic("eth1", "lab-a"), null, "test"));
            assertThat(lab.simNic("web-01", "eth1").plugged).as("added unplugged to the running VM").isFalse();
            LiveNic eth1 = configured.nic("eth1").orElseThrow();
            assertThat(eth1.plugged()).isFalse();
            assertThat(eth1.persisted()).isTrue();

            LiveVm plugged = lab.apply(new AddNic(vm, OvirtLab.nic("eth1", "lab-b"), "test"));
            assertThat(lab.simNic("web-01", "eth1").plugged).isTrue();
            assertThat(plugged.nic("eth1").orElseThrow().live().network()).isEqualTo(Networks.profile("lab-b", "lab-b"));
            assertThat(plugged.nic("eth1").orElseThrow().mac()).as("the same NIC, plugged").isEqualTo(eth1.mac());
        }
    }

    @Test
    void anUnplugDeactivatesAndTheNicStaysConfiguredWithItsIdAndMac() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            lab.simVm("web-01").guest.agentLag = 3; // the agent reports the released NIC for three more reads
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            String engineId = lab.simNic("web-01", "nic1").id;
            LiveNic after = lab.apply(new UnplugNic(vm, nic1.live(), "test")).nic("nic1").orElseThrow();
            assertThat(after.plugged()).isFalse();
            assertThat(after.persistent()).as("still in the configuration").isEqualTo(nic1.persistent());
            assertThat(lab.simNic("web-01", "nic1").id).isEqualTo(engineId);
            assertThat(lab.engine.requests()).filteredOn(r -> r.contains("/deactivate") || r.startsWith("DELETE"))
                    .singleElement().asString().startsWith("POST").endsWith("/deactivate");
            assertThat(lab.time.slept()).as("VDSM answers once the guest released it: no waiting for the agent")
                    .isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void theUndoOfAnUnplugPlugsTheSameNicBack() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            String engineId = lab.simNic("web-01", "nic1").id;
            UnplugNic unplug = new UnplugNic(vm, nic1.live(), "test");
            assertThat(lab.apply(unplug).nic("nic1").orElseThrow().plugged()).isFalse();
            LiveNic back = lab.apply(unplug.inverse().orElseThrow()).nic("nic1").orElseThrow();
            assertThat(back.live()).isEqualTo(nic1.live());
            assertThat(back.persistent()).isEqualTo(nic1.persistent());
            assertThat(lab.simNic("web-01", "nic1").id).as("the same NIC of the engine").isEqualTo(engineId);
        }
    }

    @Test
    void aRemovalWaitsUntilTheGuestAgentNoLongerReportsTheMac() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            lab.simVm("web-01").guest.agentLag = 3;
            LiveNic unplugged = lab.unplug("web-01", "nic1");
            assertThat(lab.apply(new UnpersistNic(vm, unplugged.persistent(), "test")).nic("nic1")).isEmpty();
            assertThat(lab.time.slept()).as("waited for the guest agent to stop reporting it")
                    .isGreaterThan(Duration.ZERO);
            assertThat(lab.engine.requests()).filteredOn(r -> r.contains("/deactivate") || r.startsWith("DELETE"))
                    .satisfiesExactly(r -> assertThat(r).endsWith("/deactivate"),
                            r -> assertThat(r).startsWith("DELETE"));
        }
    }

    @Test
    void anUnplugTheGuestDoesNotReleaseFailsAndLeavesTheNicPlugged() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("stuck");
            lab.apply(new AddNic(vm, OvirtLab.nic("eth1", "lab-a"), "test"));
            LiveNic eth1 = lab.observe("stuck").nic("eth1").orElseThrow();
            assertThatThrownBy(() -> lab.target.execute(new UnplugNic(vm, eth1.live(), "test"), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_RELEASED);
                        assertThat(e.getMessage()).contains("Failed to deactivate VM Network Interface")
                                .contains("VDSM error 50");
                    });
            assertThat(lab.simNic("stuck", "eth1").plugged).isTrue();
            assertThat(lab.observe("stuck").nic("eth1").orElseThrow().plugged()).isTrue();
        }
    }

    /**
     * A NIC the guest agent goes on reporting is not removed: its MAC would go back to the pool while the guest may
     * still hold it. It stays unplugged, in the configuration, and the step says so; the agent's wait has three
     * quarters of the step, the removal the rest.
     */
    @Test
    void aRemovalTheGuestAgentGoesOnReportingIsNotDoneAndSaysTheNicStaysUnplugged() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            lab.simVm("web-01").guest.agentLag = 1_000_000;
            LiveNic unplugged = lab.unplug("web-01", "nic1");
            assertThatThrownBy(() -> lab.target.execute(new UnpersistNic(vm, unplugged.persistent(), "test"),
                    Duration.ofSeconds(60))).isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_RELEASED);
                        assertThat(e.getMessage()).contains("the guest agent still reports its MAC 56:6f:1a:00:00:01"
                                + " 45 s after the step began").endsWith("not removed; the NIC stays unplugged, in the"
                                + " VM's configuration");
                    });
            assertThat(lab.time.slept()).isEqualTo(Duration.ofSeconds(45));
            assertThat(lab.engine.requests()).noneMatch(r -> r.startsWith("DELETE"));
            LiveNic held = lab.observe("web-01").nic("nic1").orElseThrow();
            assertThat(held.plugged()).as("the engine's plugged flag is what counts").isFalse();
            assertThat(held.persistent()).isEqualTo(unplugged.persistent());
        }
    }

    @Test
    void theEngineRemovesOnlyAnUnpluggedNicOfARunningVm() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            assertThatThrownBy(() -> lab.target.execute(new UnpersistNic(vm, nic1.persistent(), "test"),
                    Duration.ofSeconds(5))).isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                        assertThat(e.getMessage()).contains("is plugged to a running VM")
                                .contains("ACTION_TYPE_FAILED_CANNOT_REMOVE_ACTIVE_DEVICE").contains("HTTP 409");
                    });
            lab.apply(new PersistNic(vm, OvirtLab.nic("spare", "lab-a"), null, "test"));
            LiveNic spare = lab.observe("web-01").nic("spare").orElseThrow();
            assertThat(lab.apply(new UnpersistNic(vm, spare.persistent(), "test")).nic("spare")).isEmpty();
        }
    }
}
