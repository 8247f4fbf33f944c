package io.nicsync.reconcile;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.LockTimeoutException;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.ApplyRun;
import io.nicsync.loop.Desired;
import io.nicsync.loop.InterruptedRuns;
import io.nicsync.loop.InvalidDesiredStateException;
import io.nicsync.loop.KeptTargets;
import io.nicsync.loop.MissingVmsException;
import io.nicsync.loop.Observation;
import io.nicsync.loop.OpenTargets;
import io.nicsync.loop.PreflightFailedException;
import io.nicsync.loop.Selection;
import io.nicsync.loop.UnknownPlanSourceException;
import io.nicsync.plan.Plan;
import io.nicsync.plan.StalePlanException;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.source.UntrustedCommitException;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.validate.Diagnostic;
import io.nicsync.validate.Policy;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One reconcile cycle after another ({@code reconcile --once} runs one, {@code serve} a loop): finish interrupted
 * earlier runs, fetch Git, check the head is trusted, validate, plan, apply as the policy says, record the result.
 * Between cycles the repository and the targets stay open: a head that has not moved is not read, checked or
 * validated again, and targets are reopened only when their settings change or a cycle failed on them.
 *
 * <p>Three seams, each one call: {@link #trust} (before planning a new head), {@link #recorder} (after each
 * cycle), {@link #ownership} (which targets this process works on; all by default).
 */
public final class Reconciler implements AutoCloseable {

    /**
     * @param selection the VMs to reconcile ({@code --target}, {@code --vm}); {@link Selection#ALL} for all
     * @param overrides target settings replacing the repository's ({@code --target-uri})
     * @param stateDir locks, journals and {@code reconcile/last-run.json}
     * @param command how this process was started, as target locks name their holder
     */
    public record Settings(SourceSpec source, Selection selection, Map<String, Map<String, String>> overrides,
            Path stateDir, Duration lockTimeout, ApplyOverrides apply, String command) {
    }

    private final Settings settings;
    private final Map<String, TargetPlugin> plugins;
    private final Clock clock;
    private final Sleeper sleeper;
    private final LastRunFile lastRunFile;
    private final List<CycleListener> listeners = new CopyOnWriteArrayList<>();
    private CommitTrust trust = CommitTrust.ANY;
    private RunRecorder recorder = RunRecorder.NONE;
    private Predicate<String> owned = target -> true;

    private GitSource source;
    private Snapshot checkedHead;
    private Desired desired;
    private final KeptTargets targets;
    private boolean recoveryPending = true;
    private final AppliedCommits applied;
    /** The files of the last validated head, so that a new head parses and checks only the files it changed. */
    private final ValidationCache validationCache = new ValidationCache();
    private final Validator validator;
    private volatile RunReport lastRun;

    public Reconciler(Settings settings, Map<String, TargetPlugin> plugins, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.plugins = Map.copyOf(plugins);
        this.validator = new Validator(this.plugins);
        this.targets = new KeptTargets(this.plugins, settings.overrides());
        this.clock = clock;
        this.sleeper = sleeper;
        this.lastRunFile = new LastRunFile(settings.stateDir());
        this.applied = lastRunFile.appliedCommits();
    }

    public Reconciler listener(CycleListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Seam: whether a head may be applied; checked once per new head, before it is validated. */
    public synchronized Reconciler trust(CommitTrust commitTrust) {
        this.trust = commitTrust;
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

    /** One cycle. Never throws for a failed cycle: the report says how it ended. */
    public synchronized RunReport cycle() throws InterruptedException {
        CycleDraft draft = new CycleDraft(clock.instant());
        try {
            recoverInterrupted(draft);
            Desired d = read(draft);
            Set<String> names = ownedTargets(d);
            OpenTargets open = targets.of(d, names);
            Plan plan = observe(d, names, open).plan(clock);
            boolean drift = applied.drift(plan, d.snapshot().commitId());
            Decision decision = Decision.of(plan, drift, d.state().config().policy());
            draft.planned(plan, drift);
            listeners.forEach(l -> l.planned(d.snapshot(), plan, decision));
            switch (decision) {
                case NOTHING_TO_DO -> {
                    draft.outcome = RunOutcome.NO_CHANGES;
                    applied.reached(names, d.snapshot().commitId());
                }
                case PLAN_ONLY -> draft.outcome = RunOutcome.PLANNED;
                case REPORT_DRIFT -> draft.outcome = RunOutcome.DRIFT_REPORTED;
                case APPLY -> apply(draft, d, names, open, plan);
            }
        } catch (UntrustedCommitException e) {
            draft.fail(RunOutcome.UNTRUSTED, e.getMessage());
        } catch (InvalidDesiredStateException e) {
            draft.fail(RunOutcome.ERROR, e.getMessage());
            draft.diagnostics = e.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
        } catch (SourceException | MissingVmsException | LockTimeoutException | StalePlanException
                | PreflightFailedException | UnknownPlanSourceException e) {
            draft.fail(RunOutcome.ERROR, e.getMessage());
        } catch (TargetException | IOException e) {
            draft.fail(RunOutcome.ERROR, e.getMessage());
            targets.close(); // a broken connection is opened afresh next cycle
        } catch (RuntimeException e) {
            draft.fail(RunOutcome.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
            targets.close();
        }
        RunReport report = draft.report(clock.instant(), applied.latest(), applied.byTarget());
        finish(report);
        return report;
    }

    /** The last cycle's report as JSON: this process's, else the one the state directory kept. */
    public Optional<String> lastRunJson() {
        RunReport last = lastRun;
        return last != null ? Optional.of(last.toJson()) : lastRunFile.read();
    }

    /**
     * Interrupted runs are finished once, before the first plan: within this process every run ends its
     * journal, so only a process that died leaves one.
     */
    private void recoverInterrupted(CycleDraft draft) throws IOException, InterruptedException,
            LockTimeoutException, SourceException, InvalidDesiredStateException, UnknownPlanSourceException,
            TargetException {
        if (!recoveryPending) {
            return;
        }
        ApplyRun run = applyRun(Policy.defaults());
        List<ApplyReport> reports = InterruptedRuns.recover(run, settings.stateDir(),
                plan -> settings.source().repo().equals(plan.source().repo()) ? settings.source() : null, plugins,
                settings.overrides(), owned, progress());
        for (ApplyReport report : reports) {
            draft.recovered.add(report);
            listeners.forEach(l -> l.recovered(report));
        }
        recoveryPending = false;
    }

    /** Fetches; a head not seen before is checked for trust and validated. */
    private Desired read(CycleDraft draft) throws SourceException, InvalidDesiredStateException {
        if (source == null) {
            source = GitSource.open(settings.source());
        }
        Snapshot head = source.read();
        draft.head = head;
        if (head != checkedHead) { // the source returns the same snapshot while the commit has not moved
            trust.verify(source, head);
            desired = Desired.validate(settings.source().repo(), head, validator, validationCache);
            checkedHead = head;
        }
        return desired;
    }

    private Set<String> ownedTargets(Desired d) {
        return d.targetsOf(settings.selection()).stream().filter(owned)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private Observation observe(Desired d, Set<String> names, OpenTargets open)
            throws TargetException, MissingVmsException {
        if (names.isEmpty()) {
            return new Observation(d, List.of());
        }
        // Listed from the targets' watches where they keep them: the apply checks each VM again before changing it.
        return Observation.observe(d, new Selection(names, settings.selection().vms()), open, Target::observeAllWatched);
    }

    private void apply(CycleDraft draft, Desired d, Set<String> names, OpenTargets open, Plan plan)
            throws IOException, InterruptedException, LockTimeoutException, StalePlanException,
            PreflightFailedException, TargetException, MissingVmsException {
        ApplyRun.Outcome outcome = applyRun(d.state().config().policy())
                .run(plan, () -> observe(d, names, open).plan(clock), open, progress());
        for (ApplyReport report : outcome.recovered()) {
            draft.recovered.add(report);
            listeners.forEach(l -> l.recovered(report));
        }
        draft.applied = outcome.report();
        draft.applyRun = outcome.runId();
        draft.outcome = RunOutcome.ofApplyExit(outcome.report().exitCode());
        if (outcome.report().exitCode() == 0) {
            applied.reached(names, d.snapshot().commitId());
        }
    }

    private ApplyRun applyRun(Policy policy) {
        return new ApplyRun(new ApplyRun.Settings(settings.stateDir(), settings.lockTimeout(),
                settings.apply().resolve(policy), settings.command(), false), clock, sleeper);
    }

    private ApplyListener progress() {
        return ApplyListener.all(List.copyOf(listeners));
    }

    /** Records the report; {@link #lastRunJson} shows it last, once listeners such as the metrics have it. */
    private void finish(RunReport report) {
        if (report.head() != null) {
            try {
                recorder.record(source, report).ifPresent(w -> listeners.forEach(l -> l.warning(w)));
            } catch (SourceException | RuntimeException e) {
                listeners.forEach(l -> l.warning("cannot record the run's result: " + e.getMessage()));
            }
        }
        listeners.forEach(l -> l.finished(report));
        try {
            lastRunFile.write(report);
        } catch (IOException e) {
            listeners.forEach(l -> l.warning("cannot keep the run's report in the state directory: " + e.getMessage()));
        }
        lastRun = report;
    }

    @Override
    public synchronized void close() {
        targets.close();
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
