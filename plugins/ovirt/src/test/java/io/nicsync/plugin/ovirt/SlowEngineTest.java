package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An engine slower than a step may be. A request of a step waits no longer than what is left of the step, not the
 * client's two minutes; a write that gets no answer in time has an unknown outcome (the engine's command goes on),
 * so the NIC is read again before the step says anything: done if the NIC shows the change, else a failure that says
 * what the engine has. (These wait a second or two of real time: the engine's slowness is real time.)
 */
class SlowEngineTest {

    @Test
    void aWriteAnsweredTooLateIsDoneWhenTheNicShowsIt() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            lab.engine.answerDelay(Duration.ofSeconds(3)); // the change is made, its answer comes late
            long started = System.nanoTime();
            lab.target.execute(new SetLink(OvirtLab.vm("web-01"), nic1.live(), LinkState.UP, LinkState.DOWN, true,
                    "test"), Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the step, not the client")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(lab.simNic("web-01", "nic1").linked).isFalse();
        }
    }

    @Test
    void aWriteNotYetMadeIsAnUnknownOutcomeThatSaysWhatTheEngineHas() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            lab.engine.writeLatency(Duration.ofSeconds(3)); // VDSM takes its time: the change comes late
            assertThatThrownBy(() -> lab.target.execute(new SetLink(OvirtLab.vm("web-01"), nic1.live(), LinkState.UP,
                    LinkState.DOWN, true, "test"), Duration.ofSeconds(1)))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.getMessage()).startsWith("web-01/nic1: setting its link down: outcome unknown: no"
                                + " answer from the engine within 1 s").contains("; read again until the step's end,"
                                + " the engine has nic1 plugged, on vnicProfile ovirtmgmt/ovirtmgmt, link up")
                                .endsWith("the engine may still make the change");
                    });
            lab.engine.writeLatency(Duration.ZERO);
            Thread.sleep(3_000); // the engine makes it after all
            assertThat(lab.simNic("web-01", "nic1").linked).isFalse();
        }
    }

    /** A removal after the unplug that has an unknown outcome says the NIC is unplugged, in the configuration. */
    @Test
    void aRemovalWithoutAnswerSaysTheNicIsUnplugged() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var vm = OvirtLab.vm("web-01");
            lab.simVm("web-01").guest.agentLag = 0;
            LiveNic unplugged = lab.unplug("web-01", "nic1");
            lab.engine.writeLatency(Duration.ofSeconds(3));
            assertThatThrownBy(() -> lab.target.execute(new UnpersistNic(vm, unplugged.persistent(), "test"),
                    Duration.ofSeconds(1))).isInstanceOfSatisfying(TargetException.class, e -> assertThat(
                            e.getMessage()).contains("web-01/nic1: removing it: outcome unknown")
                            .contains("the engine has nic1 unplugged, in the configuration"));
            lab.engine.writeLatency(Duration.ZERO);
            Thread.sleep(3_000);
        }
    }
}
