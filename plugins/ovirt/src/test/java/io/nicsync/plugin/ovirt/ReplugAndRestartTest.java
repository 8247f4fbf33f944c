package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanNote;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnplugNic;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change the engine refuses on a plugged NIC (its interface model, its MAC) is never made silently: where the
 * target's {@code replug} allows a moment without the NIC, the plan unplugs it, changes it and plugs it back, and says
 * so; otherwise the plan needs a restart, which makes the change while the VM is down.
 */
class ReplugAndRestartTest {

    @Test
    void withReplugAllowedTheNicIsUnpluggedChangedAndPluggedBack() throws Exception {
        try (OvirtLab lab = OvirtLab.of(io.nicsync.plugin.ovirt.sim.Fixtures.standard(), Map.of("replug", "allow"))) {
            LiveNic before = lab.observe("web-01").nic("nic1").orElseThrow();
            Plan plan = Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", "e1000"));
            assertThat(plan.steps()).extracting(Step::getClass).containsExactly(SetLink.class, UnplugNic.class,
                    AddNic.class);
            assertThat(plan.notes()).extracting(PlanNote::text).anySatisfy(t -> assertThat(t)
                    .contains("nic1 model virtio -> e1000 cannot change while it is plugged: it is unplugged, changed"
                            + " and plugged back"));
            Plans.apply(lab, plan);
            LiveNic after = lab.observe("web-01").nic("nic1").orElseThrow();
            assertThat(after.live().model()).isEqualTo("e1000");
            assertThat(after.mac()).as("the same MAC").isEqualTo(before.mac());
            assertThat(after.plugged()).isTrue();
            assertThat(Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", "e1000")).steps()).isEmpty();
        }
    }

    @Test
    void otherwiseARestartMakesItWhileTheVmIsDown() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            Plan plan = Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", "e1000"));
            assertThat(plan.steps()).as("no persist step the engine would refuse").singleElement()
                    .isInstanceOfSatisfying(RestartRequired.class, r -> {
                        assertThat(r.pending()).singleElement().satisfies(p -> assertThat(p.model()).isEqualTo("e1000"));
                        assertThat(r.reason()).contains("made while the VM is down for a restart");
                    });
            assertThat(plan.steps()).noneMatch(PersistNic.class::isInstance);
            Plans.apply(lab, plan);
            assertThat(lab.engine.requests()).filteredOn(r -> r.matches("POST .*/(shutdown|start)"))
                    .hasSize(2).first().asString().endsWith("/shutdown");
            assertThat(lab.observe("web-01").nic("nic1").orElseThrow().live().model()).isEqualTo("e1000");
            assertThat(lab.simVm("web-01").status).isEqualTo("up");
        }
    }

    @Test
    void aGuestThatIgnoresTheShutdownIsPoweredOff() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.simVm("web-01").guest.shutsDown = false;
            Plan plan = Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", "rtl8139"));
            Plans.apply(lab, plan);
            assertThat(lab.engine.requests()).anyMatch(r -> r.endsWith("/stop"));
            assertThat(lab.observe("web-01").nic("nic1").orElseThrow().live().model()).isEqualTo("rtl8139");
        }
    }
}
