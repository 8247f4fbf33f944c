package io.nicsync.reconcile;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ExitCode;
import io.nicsync.apply.Sleeper;
import io.nicsync.guard.Redaction;
import io.nicsync.guard.Watchdog;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.ApplyRun;
import io.nicsync.loop.CommitTrust;
import io.nicsync.loop.InterruptedRuns;
import io.nicsync.loop.InvalidDesiredStateException;
import io.nicsync.loop.MissingVmsException;
import io.nicsync.loop.OpenTargets;
import io.nicsync.loop.PlanSession;
import io.nicsync.loop.PreflightFailedException;
import io.nicsync.loop.RunFailure;
import io.nicsync.loop.Selection;
import io.nicsync.loop.TamperedPlanException;
import io.nicsync.loop.UnknownPlanSourceException;
import io.nicsync.notify.Outbox;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.validate.Diagnostic;
import io.nicsync.validate.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One reconcile cycle after another ({@code reconcile --once} runs one, {@code serve} a loop): finish interrupted
 * earlier runs, fetch Git, check the head is trusted, validate, plan, apply as the policy says, record the result.
 * Every cycle plans through one {@link PlanSession}, the path {@code bench/scale.sh} measures: between cycles the
 * repository and the targets stay open, a head that has not moved is not read, checked or validated again, a new
 * head's targets are listed while its files validate, and targets are reopened only when their settings change or
 * a cycle failed on them.
 *
 * <p>Three seams, each one call: {@link #trust} (before planning a new head), {@link #recorder} (after each
 * cycle), {@link #ownership} (which targets this process works on; all by default).
 */
public final class Reconciler implements AutoCloseable {

    /**
     * @param selection the VMs to reconcile ({@code --target}, {@code --vm}); {@link Selection#ALL} for all
     * @param overrides target settings replacing the repository's ({@code --target-uri}, {@code --target-setting})
     * @param stateDir locks, journals and {@code reconcile/last-run.json}
     * @param command how this process was started, as target locks name their holder
     */
    public record Settings(SourceSpec source, Selection selection, TargetOverrides overrides,
            Path stateDir, Duration lockTimeout, ApplyOverrides apply, String command) {
    }

    private final Settings settings;
    private final Plugins plugins;
    private final Clock clock;
    private final Sleeper sleeper;
    private final LastRunFile lastRunFile;
    private final Listeners listeners = new Listeners();
    private CommitTrust trust = CommitTrust.ANY;
    private RunRecorder recorder = RunRecorder.NONE;
    private Predicate<String> owned = target -> true;
    private Outbox announcements;

    private PlanSession session;
    private boolean recoveryPending = true;
    private final AppliedCommits applied;
    private volatile RunReport lastRun;
    private volatile Progress progress;
    private Duration cycleTimeout = DEFAULT_CYCLE_TIMEOUT;

    /** How long a cycle may take before it applies anything, unless {@link #deadline} says otherwise. */
    public static final Duration DEFAULT_CYCLE_TIMEOUT = Duration.ofMinutes(10);

    public Reconciler(Settings settings, Plugins plugins, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.plugins = plugins;
        this.clock = clock;
        this.sleeper = sleeper;
        this.lastRunFile = new LastRunFile(settings.stateDir());
        this.applied = lastRunFile.appliedCommits();
        this.progress = new Progress(CyclePhase.IDLE, clock.instant(), null);
    }

    public Reconciler listener(CycleListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Seam: whether a head may be applied; checked once per new head, before it is validated. */
    public synchronized Reconciler trust(CommitTrust commitTrust) {
        this.trust = commitTrust;
        if (session != null) {
            session.trust(commitTrust);
        }
        return this;
    }

    /** Seam: where the result of each cycle is kept besides the state directory. */
    public synchronized Reconciler recorder(RunRecorder runRecorder) {
        this.recorder = runRecorder;
        return this;
    }

    /** Seam: which targets, by name, this process reconciles; the others are neither opened nor planned. */
    public synchronized Reconciler ownership(Predicate<String> ownsTarget) {
        this.owned = ownsTarget;
        return this;
    }

    /**
     * Seam: how long a cycle may fetch, validate, observe and plan before it is cut (the fetch has its own deadline
     * too, {@link io.nicsync.source.SourceLimits#fetchTimeout()}). Recovering and applying are never cut: their
     * steps have timeouts of their own, and a cut would leave VMs half-changed.
     */
    public synchronized Reconciler deadline(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the cycle timeout must be longer than 0s");
        }
        this.cycleTimeout = timeout;
        return this;
    }

    /** What the reconciler is doing now; never waits for a cycle. */
    public Progress progress() {
        return progress;
    }

    public Duration cycleTimeout() {
        return cycleTimeout;
    }

    /**
     * Seam: tells each VM's platform what an apply did to it ({@code Target.announce}: Kubernetes Events on KubeVirt
     * VMs), through {@code outbox} so that no apply waits for it; off by default.
     */
    public synchronized Reconciler announceOnTargets(Outbox outbox) {
        this.announcements = outbox;
        return this;
    }

    /** One cycle. Never throws for a failed cycle: the report says how it ended. */
    public synchronized RunReport cycle() throws InterruptedException {
        CycleDraft draft = new CycleDraft(clock.instant());
        try {
            phase(CyclePhase.RECOVERING);
            recoverInterrupted(draft);
            phase(CyclePhase.PLANNING);
            PlanSession s;
            PlanSession.Planning planning;
            try (Watchdog.Alarm alarm = Watchdog.arm(Thread.currentThread(), cycleTimeout)) {
                try {
                    s = session();
                    draft.head = s.read();
                    planning = s.plan(draft.head, owned);
                } catch (RunFailure | RuntimeException e) {
                    if (alarm.disarm()) {
                        throw cut(e);
                    }
                    throw e;
                }
                if (alarm.disarm()) {
                    throw cut(null);
                }
            }
            Snapshot head = draft.head;
            Plan plan = planning.plan();
            boolean drift = applied.drift(plan, head.commitId());
            Decision decision = Decision.of(plan, drift, planning.desired().state().config().policy());
            draft.planned(plan, drift);
            draft.signer = planning.signer();
            listeners.observed(planning);
            listeners.planned(head, plan, decision);
            switch (decision) {
                case NOTHING_TO_DO -> {
                    draft.outcome = RunOutcome.NO_CHANGES;
                    applied.reached(planning.targets(), head.commitId());
                }
                case PLAN_ONLY -> draft.outcome = RunOutcome.PLANNED;
                case REPORT_DRIFT -> draft.outcome = RunOutcome.DRIFT_REPORTED;
                case APPLY -> {
                    phase(CyclePhase.APPLYING);
                    apply(draft, s, planning);
                }
            }
        } catch (RunFailure failure) {
            failed(draft, failure);
        } catch (RuntimeException e) {
            draft.fail(RunOutcome.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
            closeTargets();
        }
        RunReport report = draft.report(clock.instant(), applied.latest(), applied.byTarget());
        finish(report);
        return report;
    }

    private void failed(CycleDraft draft, RunFailure failure) {
        switch (failure) {
            case RunFailure.Git git when git.untrusted() -> draft.fail(RunOutcome.UNTRUSTED, failure.getMessage());
            case InvalidDesiredStateException invalid -> {
                draft.fail(RunOutcome.ERROR, invalid.getMessage());
                draft.diagnostics = new ArrayList<>(invalid.diagnostics().stream().filter(Diagnostic::isError)
                        .map(Diagnostic::format).toList());
                if (invalid.omitted() > 0) { // /status and last-run.json stay small whatever the repository holds
                    draft.diagnostics.add("... and " + invalid.omitted() + " more diagnostic(s) not shown");
                }
            }
            case RunFailure.Platform p -> {
                draft.fail(RunOutcome.ERROR, p.getMessage());
                closeTargets(); // a broken connection is opened afresh next cycle
            }
            case RunFailure.Journal j -> {
                draft.fail(RunOutcome.ERROR, j.getMessage());
                closeTargets();
            }
            case RunFailure.Git git -> draft.fail(RunOutcome.ERROR, git.getMessage());
            case MissingVmsException m -> draft.fail(RunOutcome.ERROR, m.getMessage());
            case PreflightFailedException p -> draft.fail(RunOutcome.ERROR, p.getMessage());
            case UnknownPlanSourceException u -> draft.fail(RunOutcome.ERROR, u.getMessage());
            case TamperedPlanException t -> draft.fail(RunOutcome.ERROR, t.getMessage());
            case RunFailure.Locked l -> draft.fail(RunOutcome.ERROR, l.getMessage());
            case RunFailure.Stale s -> draft.fail(RunOutcome.ERROR, s.getMessage());
            case RunFailure.NothingSelected n -> draft.fail(RunOutcome.ERROR, n.getMessage());
            case RunFailure.Cut c -> {
                draft.fail(RunOutcome.ERROR, c.getMessage());
                closeTargets(); // a call cut half-way leaves a connection nobody should trust
            }
        }
    }

    private void phase(CyclePhase phase) {
        progress = new Progress(phase, clock.instant(), progress.last());
    }

    /** The cycle cut at its deadline while it read and planned; {@code ended} is how the cut work ended. */
    private RunFailure cut(Exception ended) {
        String why = ended == null || ended.getMessage() == null ? "" : " (" + ended.getMessage() + ")";
        return RunFailure.cut("the cycle took longer than " + cycleTimeout.toSeconds() + " s to read, validate and "
                + "plan and was cut; nothing was changed" + why, ended);
    }

    /** The last cycle's report as JSON: this process's, else the one the state directory kept. */
    public Optional<String> lastRunJson() {
        RunReport last = lastRun;
        return last != null ? Optional.of(last.toJson()) : lastRunFile.read();
    }

    /** The session, opened (and the repository read) on the first cycle; a failed open is tried again next cycle. */
    private PlanSession session() throws RunFailure {
        if (session == null) {
            session = PlanSession.open(settings.source(), plugins, settings.selection(), settings.overrides(),
                    clock).trust(trust);
        }
        return session;
    }

    private void closeTargets() {
        if (session != null) {
            session.closeTargets();
        }
    }

    /**
     * Interrupted runs are finished once, before the first plan: within this process every run ends its
     * journal, so only a process that died leaves one.
     */
    private void recoverInterrupted(CycleDraft draft) throws RunFailure, InterruptedException {
        if (!recoveryPending) {
            return;
        }
        ApplyRun run = applyRun(Policy.defaults());
        List<ApplyReport> reports = InterruptedRuns.recover(run, settings.stateDir(),
                plan -> Redaction.reusable(settings.source().repo()).equals(plan.source().repo())
                        ? settings.source() : null, plugins,
                settings.overrides(), owned, listeners.steps());
        for (ApplyReport report : reports) {
            draft.recovered.add(report);
            listeners.recovered(report);
        }
        recoveryPending = false;
    }

    private void apply(CycleDraft draft, PlanSession s, PlanSession.Planning planning)
            throws RunFailure, InterruptedException {
        ApplyListener steps = listeners.steps();
        if (announcements != null) {
            OpenTargets targets = s.targets();
            steps = listeners.steps(new TargetAnnouncements(targets::get, planning.desired().snapshot().commitId(),
                    announcements, listeners::warning));
        }
        ApplyRun.Outcome outcome = applyRun(planning.desired().state().config().policy())
                .run(planning.plan(), () -> s.replan(planning), s.targets(), steps);
        for (ApplyReport report : outcome.recovered()) {
            draft.recovered.add(report);
            listeners.recovered(report);
        }
        draft.applied = outcome.report();
        draft.applyRun = outcome.runId();
        draft.outcome = RunOutcome.ofApply(outcome.report().exit());
        if (outcome.report().exit() == ExitCode.OK) {
            applied.reached(planning.targets(), planning.desired().snapshot().commitId());
        }
    }

    private ApplyRun applyRun(Policy policy) {
        return new ApplyRun(new ApplyRun.Settings(settings.stateDir(), settings.lockTimeout(),
                settings.apply().resolve(policy), settings.command(), false), clock, sleeper);
    }

    /**
     * Records the report; {@link #lastRunJson} shows it last, once listeners such as the metrics have it. A listener
     * that throws is a warning ({@link Listeners}): the report is kept and the reconciler idle again whatever they do.
     */
    private void finish(RunReport report) {
        if (report.head() != null && session != null) {
            try {
                recorder.record(session.source(), report).ifPresent(listeners::warning);
            } catch (SourceException | RuntimeException e) {
                listeners.warning("cannot record the run's result: " + e.getMessage());
            }
        }
        listeners.finished(report);
        try {
            lastRunFile.write(report);
        } catch (IOException e) {
            listeners.warning("cannot keep the run's report in the state directory: " + e.getMessage());
        }
        lastRun = report;
        progress = new Progress(CyclePhase.IDLE, clock.instant(), report);
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
