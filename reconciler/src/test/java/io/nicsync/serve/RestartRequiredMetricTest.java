package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plan.Plan;
import io.nicsync.plan.Scenario;
import io.nicsync.reconcile.Decision;
import io.nicsync.reconcile.RunOutcome;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.Snapshot;
import io.nicsync.spi.Action;
import io.nicsync.spi.Step;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nicsync_restart_required_vms: the VMs whose plan waits for a restart, until a restart is allowed and done. */
class RestartRequiredMetricTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Snapshot HEAD = new Snapshot("9f1c2e3d4b5a69788796a5b4c3d2e1f009182736", "Ada", T0, "main", "",
            List.of());

    @Test
    void aVmWhoseChangeNeedsARestartCountsUntilTheRestartIsDone() {
        Metrics metrics = new Metrics();
        Plan plan = Scenario.load("mac-change").plan();
        Step restart = plan.steps().stream().filter(s -> s.action() == Action.RESTART_REQUIRED).findFirst()
                .orElseThrow();

        metrics.planned(HEAD, plan, Decision.APPLY);
        metrics.stepSkipped(restart.vm(), 1, restart, "allowRestart is false");
        metrics.finished(report());
        assertThat(gauge(metrics)).isEqualTo(1.0);

        metrics.planned(HEAD, plan, Decision.APPLY);
        metrics.stepDone(restart.vm(), 1, restart);
        metrics.finished(report());
        assertThat(gauge(metrics)).isZero();
    }

    private static RunReport report() {
        return new RunReport(T0, T0, RunOutcome.APPLIED, HEAD, null, false, 1, 1, null, Map.of(), List.of(), null,
                null, null, List.of());
    }

    private static double gauge(Metrics metrics) {
        return metrics.registry().scrape().stream()
                .filter(s -> s.getMetadata().getName().equals("nicsync_restart_required_vms"))
                .map(s -> ((GaugeSnapshot) s).getDataPoints().get(0).getValue()).findFirst().orElseThrow();
    }
}
