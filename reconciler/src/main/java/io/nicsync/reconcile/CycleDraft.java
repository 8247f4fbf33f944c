package io.nicsync.reconcile;

import io.nicsync.apply.ApplyReport;
import io.nicsync.guard.Redaction;
import io.nicsync.plan.Plan;
import io.nicsync.source.CommitSigner;
import io.nicsync.source.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A cycle's report while the cycle runs; one thread fills it in. */
final class CycleDraft {
    final Instant startedAt;
    RunOutcome outcome = RunOutcome.ERROR;
    Snapshot head;
    CommitSigner signer;
    boolean drift;
    int changedVms;
    int steps;
    final List<ApplyReport> recovered = new ArrayList<>();
    ApplyReport applied;
    String applyRun;
    String error;
    List<String> diagnostics = List.of();

    CycleDraft(Instant startedAt) {
        this.startedAt = startedAt;
    }

    void planned(Plan plan, boolean isDrift) {
        drift = isDrift && !plan.noChanges();
        changedVms = (int) plan.steps().stream().map(s -> s.vm()).distinct().count();
        steps = plan.steps().size();
    }

    /** The cycle failed; its message, shown by {@code /status} to anyone, and in logs, with no credentials of a URL in it. */
    void fail(RunOutcome how, String message) {
        outcome = how;
        error = Redaction.text(message);
    }

    RunReport report(Instant finishedAt, String lastAppliedCommit, Map<String, String> appliedByTarget) {
        return new RunReport(startedAt, finishedAt, outcome, head, signer, drift, changedVms, steps, lastAppliedCommit,
                appliedByTarget, recovered, applied, applyRun, error, diagnostics);
    }
}
