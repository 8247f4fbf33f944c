package io.nicsync.loop;

import io.nicsync.apply.Applier;
import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.InterruptedRun;
import io.nicsync.apply.Journal;
import io.nicsync.apply.JournalEvent;
import io.nicsync.apply.JournalListener;
import io.nicsync.apply.JournalReader;
import io.nicsync.apply.LockHolder;
import io.nicsync.apply.LockTimeoutException;
import io.nicsync.apply.Recovery;
import io.nicsync.apply.Sleeper;
import io.nicsync.apply.TargetLock;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.plan.PlannedVm;
import io.nicsync.plan.StaleCheck;
import io.nicsync.plan.StalePlanException;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.validate.DesiredState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One apply, start to end: lock the plan's targets, finish any interrupted earlier run on them, refuse a
 * stale plan, preflight, then apply with every step journaled. Nothing changes before the preflight passed.
 */
public final class ApplyRun {

    /**
     * @param stateDir holds {@code locks/} and {@code journal/}
     * @param command how the run was started, recorded in the lock so a waiting run can name it
     * @param completeInterrupted complete interrupted runs instead of rolling them back
     */
    public record Settings(Path stateDir, Duration lockTimeout, ApplyOptions options, String command,
            boolean completeInterrupted) {
    }

    /** What the run did: recoveries of earlier runs, then this plan's report. */
    public record Outcome(List<ApplyReport> recovered, ApplyReport report, String runId) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    public ApplyRun(Settings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Makes the plan again from the desired state and the VMs as they are now. A plan made before an
     * interrupted run was recovered describes VMs the recovery has since changed: it is stale by design.
     */
    @FunctionalInterface
    public interface Replan {
        Plan plan() throws RunFailure;
    }

    /**
     * Applies a saved plan: stale when an interrupted run had to be recovered first, and refused unless its steps
     * are exactly those planned again from {@code state}, the desired state of its commit, for its VMs as they are.
     */
    public Outcome runSaved(Plan plan, DesiredState state, OpenTargets targets, ApplyListener progress)
            throws RunFailure, InterruptedException {
        PlanIntegrity.require(plan, state);
        return RunFailure.during(() -> locked(plan, null, state, targets, progress));
    }

    /**
     * @param replan called when interrupted runs were recovered under this run's locks, to plan again from
     *     the recovered VMs; null when the plan cannot be made again, which must then match the VMs as they are (a
     *     plan read from a file goes through {@link #runSaved} instead, which checks its steps too)
     * @throws RunFailure before any step of this plan ran: nothing of it changed (a recovery of an interrupted run
     *     under its locks may have)
     */
    public Outcome run(Plan plan, Replan replan, OpenTargets targets, ApplyListener progress)
            throws RunFailure, InterruptedException {
        return RunFailure.during(() -> locked(plan, replan, null, targets, progress));
    }

    /** @param savedFrom for a saved plan, the desired state of its commit, which must plan the same steps */
    private Outcome locked(Plan plan, Replan replan, DesiredState savedFrom, OpenTargets targets,
            ApplyListener progress) throws RunFailure, IOException, InterruptedException, LockTimeoutException,
            StalePlanException, TargetException {
        List<TargetLock> locks = lock(targetsOf(plan.steps()));
        try {
            List<ApplyReport> recovered = recoverInterrupted(targets, progress);
            if (!recovered.isEmpty() && replan != null) {
                plan = replan.plan();
            }
            List<LiveVm> observed = observe(plan, targets);
            StaleCheck.requireFresh(plan, observed);
            if (savedFrom != null) {
                SavedPlanCheck.requireAsPlanned(plan, savedFrom, observed, targets);
            }
            Preflight.require(plan, targets);
            String runId = clock.instant().toString().replace(':', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
            byte[] planFile = PlanFile.write(plan).getBytes(StandardCharsets.UTF_8);
            try (Journal journal = Journal.create(journals(), runId, planFile)) {
                journal.started(clock.instant());
                ApplyListener listeners = ApplyListener.all(List.of(new JournalListener(journal, clock), progress));
                ApplyReport report = new Applier(targets.byName(), settings.options(), listeners, clock, sleeper)
                        .apply(plan.steps());
                journal.record(new JournalEvent(clock.instant(), JournalEvent.Kind.RUN_FINISHED, null, -1,
                        "exit " + report.exitCode()));
                return new Outcome(recovered, report, runId);
            }
        } finally {
            for (TargetLock lock : locks.reversed()) {
                lock.close();
            }
        }
    }

    /** Locks every open target and finishes the interrupted runs on them ({@code nicsync recover}). */
    public List<ApplyReport> recover(OpenTargets targets, ApplyListener progress) throws RunFailure, InterruptedException {
        return RunFailure.during(() -> {
            List<TargetLock> locks = lock(new TreeSet<>(targets.byName().keySet()));
            try {
                return recoverInterrupted(targets, progress);
            } finally {
                for (TargetLock lock : locks.reversed()) {
                    lock.close();
                }
            }
        });
    }

    /** The plans of the runs in {@code stateDir} that never finished, oldest first. */
    public static List<Plan> interruptedPlans(Path stateDir) throws IOException {
        List<Plan> plans = new ArrayList<>();
        for (InterruptedRun run : JournalReader.interrupted(stateDir.resolve("journal"))) {
            plans.add(PlanFile.read(run.planText()));
        }
        return plans;
    }

    /**
     * Interrupted runs whose targets are all open here: rolled back (or completed), each under the locks
     * this run holds. Runs on other targets are left for a run that opens them.
     */
    List<ApplyReport> recoverInterrupted(OpenTargets targets, ApplyListener progress) throws IOException,
            InterruptedException {
        List<ApplyReport> reports = new ArrayList<>();
        for (InterruptedRun run : JournalReader.interrupted(journals())) {
            Plan plan = PlanFile.read(run.planText());
            if (!targets.byName().keySet().containsAll(targetsOf(plan.steps()))) {
                continue;
            }
            Recovery recovery = new Recovery(targets.byName(), settings.options().stepTimeout(), progress, clock,
                    sleeper);
            ApplyReport report = settings.completeInterrupted()
                    ? recovery.complete(run, plan.steps())
                    : recovery.rollBack(run, plan.steps());
            try (Journal journal = Journal.reopen(run.journal())) {
                journal.repaired().ifPresent(progress::warning);
                int unreadable = run.unreadable() - (journal.repaired().isPresent() ? 1 : 0);
                if (unreadable > 0) {
                    progress.warning("journal " + run.journal() + ": " + unreadable
                            + " line(s) in it could not be read and were skipped");
                }
                journal.record(new JournalEvent(clock.instant(), JournalEvent.Kind.RUN_FINISHED, null, -1,
                        (settings.completeInterrupted() ? "recovered: completed" : "recovered: rolled back")
                                + ", exit " + report.exitCode()));
            }
            reports.add(report);
        }
        return reports;
    }

    private List<TargetLock> lock(Set<String> names) throws IOException, InterruptedException, LockTimeoutException {
        List<TargetLock> locks = new ArrayList<>();
        LockHolder me = LockHolder.current(clock.instant(), settings.command());
        try {
            for (String name : names) { // sorted: two runs never wait on each other in a circle
                locks.add(TargetLock.acquire(settings.stateDir().resolve("locks"), name, me, settings.lockTimeout(),
                        clock, sleeper));
            }
        } catch (IOException | InterruptedException | LockTimeoutException | RuntimeException e) {
            for (TargetLock lock : locks) {
                lock.close();
            }
            throw e;
        }
        return locks;
    }

    private static List<LiveVm> observe(Plan plan, OpenTargets targets) throws TargetException {
        List<LiveVm> observed = new ArrayList<>();
        for (PlannedVm vm : plan.vms()) {
            observed.add(targets.get(vm.vm().target()).observe(vm.vm()));
        }
        return observed;
    }

    static Set<String> targetsOf(List<Step> steps) {
        Set<String> names = new TreeSet<>();
        steps.forEach(s -> names.add(s.vm().target()));
        return names;
    }

    private Path journals() {
        return settings.stateDir().resolve("journal");
    }
}
