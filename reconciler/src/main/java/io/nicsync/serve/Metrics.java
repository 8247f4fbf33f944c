package io.nicsync.serve;

import io.nicsync.apply.VmResult;
import io.nicsync.plan.Plan;
import io.nicsync.reconcile.CycleListener;
import io.nicsync.reconcile.Decision;
import io.nicsync.reconcile.RunOutcome;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.Snapshot;
import io.nicsync.spi.Action;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What {@code /metrics} exposes, fed by the cycles and their steps (listener) and by the webhook endpoint. */
final class Metrics implements CycleListener {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter runs = Counter.builder().name("nicsync_runs_total")
            .help("Reconcile cycles by outcome").labelNames("outcome").register(registry);
    private final Histogram duration = Histogram.builder().name("nicsync_run_duration_seconds")
            .help("How long a reconcile cycle took").unit(Unit.SECONDS)
            .classicUpperBounds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600).register(registry);
    private final Counter steps = Counter.builder().name("nicsync_steps_total")
            .help("Steps by action and outcome (done, failed, skipped, undone, undo-failed)")
            .labelNames("action", "outcome").register(registry);
    private final Gauge drifted = Gauge.builder().name("nicsync_drifted_vms")
            .help("VMs whose live NICs drifted from the commit last applied, as the last cycle found them")
            .register(registry);
    private final Gauge restartRequired = Gauge.builder().name("nicsync_restart_required_vms")
            .help("VMs whose changes wait for a restart the policy does not allow, as the last cycle that planned "
                    + "found them").register(registry);
    private final Set<VmRef> waitingForRestart = ConcurrentHashMap.newKeySet();
    private final Info lastApplied = Info.builder().name("nicsync_last_applied_commit")
            .help("The commit the VMs were last brought to").labelNames("commit").register(registry);
    private final Gauge lastAppliedTime = Gauge.builder().name("nicsync_last_applied_timestamp_seconds")
            .help("When a cycle last found the VMs at the head commit, applied or already there").unit(Unit.SECONDS)
            .register(registry);
    private final Counter rollbacks = Counter.builder().name("nicsync_rollbacks_total")
            .help("VMs rolled back after a failed step, or after an interrupted run").register(registry);
    private final Counter untrusted = Counter.builder().name("nicsync_untrusted_commits_total")
            .help("Cycles that refused a head commit as untrusted").register(registry);
    private final Counter webhooks = Counter.builder().name("nicsync_webhooks_total")
            .help("Webhook deliveries by provider and result").labelNames("provider", "result").register(registry);

    PrometheusRegistry registry() {
        return registry;
    }

    void webhook(String provider, String result) {
        webhooks.labelValues(provider, result).inc();
    }

    @Override
    public void planned(Snapshot head, Plan plan, Decision decision) {
        waitingForRestart.clear();
        plan.steps().stream().filter(s -> s.action() == Action.RESTART_REQUIRED)
                .forEach(s -> waitingForRestart.add(s.vm()));
    }

    @Override
    public void finished(RunReport report) {
        runs.labelValues(report.outcome().label()).inc();
        duration.observe(report.duration().toNanos() / 1e9);
        if (report.outcome() == RunOutcome.UNTRUSTED) {
            untrusted.inc();
        }
        if (report.head() != null && report.outcome() != RunOutcome.UNTRUSTED && report.outcome() != RunOutcome.ERROR) {
            drifted.set(report.drift() ? report.changedVms() : 0);
            restartRequired.set(waitingForRestart.size());
        }
        if (report.lastAppliedCommit() != null) {
            lastApplied.setLabelValues(report.lastAppliedCommit());
            if (report.head() != null && report.lastAppliedCommit().equals(report.head().commitId())) {
                lastAppliedTime.set(report.finishedAt().toEpochMilli() / 1000.0);
            }
        }
    }

    @Override
    public void stepDone(VmRef vm, int index, Step step) {
        steps.labelValues(step.action().word(), "done").inc();
        if (step.action() == Action.RESTART_REQUIRED) {
            waitingForRestart.remove(vm); // allowRestart: the VM was restarted into its changes
        }
    }

    @Override
    public void stepFailed(VmRef vm, int index, Step step, String error) {
        steps.labelValues(step.action().word(), "failed").inc();
    }

    @Override
    public void stepSkipped(VmRef vm, int index, Step step, String why) {
        steps.labelValues(step.action().word(), "skipped").inc();
    }

    @Override
    public void undone(VmRef vm, int index, Step inverse) {
        steps.labelValues(inverse.action().word(), "undone").inc();
    }

    @Override
    public void undoFailed(VmRef vm, int index, Step inverse, String error) {
        steps.labelValues(inverse.action().word(), "undo-failed").inc();
    }

    @Override
    public void vmFinished(VmResult result) {
        if (result instanceof VmResult.RolledBack) {
            rollbacks.inc();
        }
    }
}
