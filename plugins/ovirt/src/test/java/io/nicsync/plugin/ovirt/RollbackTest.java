package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.VmResult;
import io.nicsync.plan.Plan;
import io.nicsync.plugin.ovirt.sim.Fixtures;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import org.junit.jupiter.api.Test;

/**
 * Plans of nicsync's planner applied by its applier on the simulated engine, a step failing: the VM ends as it was,
 * NIC by NIC, engine ids and MACs included, and the report says rolled back only then.
 */
class RollbackTest {

    @Test
    void aNicThatMustGoButWhoseMacTheGuestAgentGoesOnReportingEndsPluggedAsItWas() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.simVm("web-01").guest.agentLag = 1_000_000;
            String engineId = lab.simNic("web-01", "nic1").id;
            Plan plan = Plans.plan(lab, "web-01", Plans.absent("nic1", "ovirtmgmt"));
            assertThat(plan.steps()).extracting(Step::getClass).containsExactly(SetLink.class, UnplugNic.class,
                    UnpersistNic.class);
            ApplyReport report = Plans.applyRollingBack(lab, plan);
            assertThat(report.vms()).singleElement().isInstanceOfSatisfying(VmResult.RolledBack.class,
                    r -> assertThat(r.error()).contains("the guest agent still reports its MAC"));
            var nic1 = lab.simNic("web-01", "nic1");
            assertThat(nic1.plugged).as("plugged again").isTrue();
            assertThat(nic1.linked).as("its link up again").isTrue();
            assertThat(nic1.id).isEqualTo(engineId);
        }
    }

    @Test
    void theRollbackOfPluggingAConfiguredNicLeavesItConfiguredAndRemovesANewOne() throws Exception {
        var state = Fixtures.standard();
        var spare = Fixtures.nic(state, state.vmByName("web-01").orElseThrow(), "spare", "56:6f:1a:00:00:20", "lab-a");
        spare.plugged = false;
        try (OvirtLab lab = OvirtLab.of(state, java.util.Map.of())) {
            Plan plan = Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", null), Plans.nic("spare", "lab-a",
                    null), Plans.nic("eth3", "lab-broken", null));
            assertThat(plan.steps()).extracting(Step::getClass, Step::nic).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(AddNic.class, "spare"),
                    org.assertj.core.groups.Tuple.tuple(PersistNic.class, "eth3"),
                    org.assertj.core.groups.Tuple.tuple(AddNic.class, "eth3"));
            ApplyReport report = Plans.applyRollingBack(lab, plan);
            assertThat(report.vms()).singleElement().isInstanceOfSatisfying(VmResult.RolledBack.class,
                    r -> assertThat(r.error()).contains("VDSM error 49"));
            assertThat(lab.simVm("web-01").nics).extracting(n -> n.name).containsExactly("nic1", "spare");
            var after = lab.simNic("web-01", "spare");
            assertThat(after.plugged).isFalse();
            assertThat(after.id).as("the same NIC of the engine").isEqualTo(spare.id);
            assertThat(after.mac).isEqualTo("56:6f:1a:00:00:20");
        }
    }

    @Test
    void aReplugWhosePlugFailsIsPluggedBackAsItWas() throws Exception {
        try (OvirtLab lab = OvirtLab.of(Fixtures.standard(), java.util.Map.of("replug", "allow"))) {
            String engineId = lab.simNic("web-01", "nic1").id;
            Plan plan = Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", "e1000"));
            lab.engine.failNext("web-01", "ACTIVATE_NIC_FAILED");
            ApplyReport report = Plans.applyRollingBack(lab, plan);
            assertThat(report.vms()).singleElement().isInstanceOf(VmResult.RolledBack.class);
            var nic1 = lab.simNic("web-01", "nic1");
            assertThat(nic1.iface).isEqualTo("virtio");
            assertThat(nic1.plugged).isTrue();
            assertThat(nic1.linked).isTrue();
            assertThat(nic1.id).isEqualTo(engineId);
            assertThat(nic1.mac).isEqualTo("56:6f:1a:00:00:01");
        }
    }
}
