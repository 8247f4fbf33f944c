package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanNote;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
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
            String engineId = lab.simNic("web-01", "nic1").id;
            lab.apply(plan.steps().get(0));
            lab.apply(plan.steps().get(1));
            assertThat(lab.simNic("web-01", "nic1").plugged).as("unplugged, still configured").isFalse();
            var taker = new AddNic(OvirtLab.vm("quiet"), new NicSpec("eth9", before.mac(), Networks.profile("lab-a",
                    "lab-a"), "virtio", null, LinkState.UP, null), "another add between the two steps");
            assertThatThrownBy(() -> lab.target.execute(taker, Duration.ofSeconds(5))).as("the MAC stays the NIC's")
                    .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.getMessage())
                            .contains("NETWORK_MAC_ADDRESS_IN_USE"));
            lab.apply(plan.steps().get(2));
            LiveNic after = lab.observe("web-01").nic("nic1").orElseThrow();
            assertThat(after.live().model()).isEqualTo("e1000");
            assertThat(after.mac()).as("the same MAC").isEqualTo(before.mac());
            assertThat(after.plugged()).isTrue();
            assertThat(lab.simNic("web-01", "nic1").id).as("the same NIC of the engine").isEqualTo(engineId);
            assertThat(lab.engine.requests()).noneMatch(r -> r.startsWith("DELETE"));
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

    /**
     * A guest that ignores the shutdown and takes long to power off: the restart gives up without changing anything,
     * waits for the VM to be down for the rest of the step, and starts it again, saying so.
     */
    @Test
    void aVmStillPoweringDownWhenTheRestartGivesUpIsStartedAgainOnceDown() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var web = lab.simVm("web-01");
            web.guest.shutsDown = false;
            web.guest.poweringDownReads = 20; // 10 s of polls: down after the power-off's share, before the step's end
            Plan plan = Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", "e1000"));
            assertThatThrownBy(() -> lab.target.execute(plan.steps().getFirst(), Duration.ofSeconds(60)))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.getMessage()).startsWith("web-01: not down 36 s after the shutdown began (powered"
                                + " off after 30 s); no NIC was changed; it was started again and is up");
                    });
            assertThat(web.status).isEqualTo("up");
            assertThat(lab.simNic("web-01", "nic1").iface).isEqualTo("virtio");
        }
    }

    @Test
    void aStartTheEngineRefusesAfterTheChangesSaysWhatWasChangedAndWhatTheVmIs() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            Plan plan = Plans.plan(lab, "web-01", Plans.nic("nic1", "ovirtmgmt", "e1000"));
            lab.engine.change(s -> s.hosts.values().forEach(h -> h.schedulable = false));
            assertThatThrownBy(() -> lab.target.execute(plan.steps().getFirst(), Duration.ofSeconds(60)))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NO_CAPACITY);
                        assertThat(e.getMessage()).startsWith("web-01: changed nic1 while it was down, but starting it"
                                + " again failed: web-01: starting it: the engine refused: [Cannot run VM. There is no"
                                + " host that satisfies current scheduling constraints.").endsWith("; it is down");
                    });
            assertThat(lab.simNic("web-01", "nic1").iface).isEqualTo("e1000");
        }
    }
}
