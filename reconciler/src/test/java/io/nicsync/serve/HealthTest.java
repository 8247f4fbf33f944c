package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.reconcile.CyclePhase;
import io.nicsync.reconcile.Progress;
import io.nicsync.reconcile.RunOutcome;
import io.nicsync.reconcile.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Liveness and readiness from when the last cycle finished and what the loop does now, at chosen instants. */
class HealthTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    /** interval 2 min, cycle deadline 10 min: ready while the last cycle finished within 2.2 + 10 min. */
    private final Health health = new Health(Duration.ofMinutes(2), Duration.ofMinutes(10));

    @Test
    void theLimitIsTheLongestWaitWithJitterPlusTheCycleDeadline() {
        assertThat(health.staleAfter()).isEqualTo(Duration.ofSeconds(132).plusMinutes(10));
    }

    @Test
    void beforeTheFirstCycleEndsTheServiceIsLiveButNotReady() {
        Progress planning = new Progress(CyclePhase.PLANNING, T0, null);

        assertThat(health.live(planning, true, T0.plusSeconds(5)))
                .isEqualTo(new Health.Answer(200, "ok: a cycle has been reading and planning for 5 s"));
        assertThat(health.ready(planning, true, T0.plusSeconds(5)).status()).isEqualTo(503);
        assertThat(health.ready(planning, true, T0.plusSeconds(5)).text()).contains("no cycle has finished yet");
    }

    @Test
    void aCycleCutAtItsDeadlineIsWhatHealthSays() {
        RunReport cut = report(T0, RunOutcome.ERROR, "fetching git://127.0.0.1/r.git took longer than 2 s and was cut");
        Progress idle = new Progress(CyclePhase.IDLE, T0, cut);

        Health.Answer live = health.live(idle, true, T0.plusSeconds(3));

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.text()).isEqualTo("ok: waiting for the next cycle; last cycle finished 3 s ago: error "
                + "(fetching git://127.0.0.1/r.git took longer than 2 s and was cut)");
        assertThat(health.ready(idle, true, T0.plusSeconds(3)).status()).isEqualTo(200);
    }

    @Test
    void aCyclePlanningPastItsDeadlineAndTheGraceIsStuck() {
        Progress planning = new Progress(CyclePhase.PLANNING, T0, report(T0, RunOutcome.NO_CHANGES, null));

        assertThat(health.live(planning, true, T0.plus(Duration.ofMinutes(11))).status()).isEqualTo(200);
        Health.Answer stuck = health.live(planning, true, T0.plus(Duration.ofMinutes(11)).plusSeconds(1));
        assertThat(stuck.status()).isEqualTo(503);
        assertThat(stuck.text()).startsWith("stuck: a cycle has been planning for 661 s");
    }

    @Test
    void aLongApplyIsNeverStuckButTheReplicaIsNotReadyMeanwhile() {
        Progress applying = new Progress(CyclePhase.APPLYING, T0, report(T0, RunOutcome.NO_CHANGES, null));
        Instant later = T0.plus(Duration.ofHours(2));

        assertThat(health.live(applying, true, later).status()).isEqualTo(200);
        assertThat(health.ready(applying, true, later).status()).isEqualTo(503);
        assertThat(health.ready(applying, true, later).text()).contains("a cycle has been applying for 7200 s");
    }

    @Test
    void aLoopThatStartsNoCycleOrHasStoppedIsNotLive() {
        Progress idle = new Progress(CyclePhase.IDLE, T0, report(T0, RunOutcome.NO_CHANGES, null));

        assertThat(health.live(idle, true, T0.plus(health.staleAfter()).plus(Health.STUCK_GRACE)).status())
                .isEqualTo(200);
        assertThat(health.live(idle, true, T0.plus(health.staleAfter()).plus(Health.STUCK_GRACE).plusSeconds(1))
                .status()).isEqualTo(503);
        assertThat(health.live(idle, false, T0).text()).startsWith("the reconcile loop has stopped");
        assertThat(health.ready(idle, true, T0.plus(health.staleAfter()).plusSeconds(1)).status()).isEqualTo(503);
    }

    private static RunReport report(Instant finished, RunOutcome outcome, String error) {
        return new RunReport(finished.minusSeconds(1), finished, outcome, null, null, false, 0, 0, null, Map.of(), List.of(),
                null, null, error, List.of());
    }
}
