package io.nicsync.apply;

import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finishes a run that was interrupted (the process was killed, the machine lost power): either rolls back
 * every step that may have taken effect, newest first, or completes the plan. Both look at the live VM
 * before each step, so recovering twice is harmless.
 */
public final class Recovery {
    private final Map<String, Target> targets;
    private final ApplyListener listener;
    private final StepRunner runner;

    public Recovery(Map<String, Target> targets, Duration stepTimeout, ApplyListener listener, Clock clock,
            Sleeper sleeper) {
        this.targets = Map.copyOf(targets);
        this.listener = listener;
        this.runner = new StepRunner(clock, sleeper, stepTimeout);
    }

    /** Puts every VM the run touched back as it was before the run. */
    public ApplyReport rollBack(InterruptedRun run, List<Step> plan) {
        List<VmResult> results = new ArrayList<>();
        byVm(plan, run.possiblyApplied()).forEach((vm, steps) -> {
            Target target = targets.get(vm.target());
            if (target == null) {
                results.add(new VmResult.NotStarted(vm, "target " + vm.target() + " is not open"));
                return;
            }
            listener.rollbackStarted(vm, steps.getLast().index());
            Rollback.Result r = new Rollback(target, runner, listener).undo(vm, steps.reversed());
            String why = "run " + run.runId() + " was interrupted";
            VmResult result = r.notUndone().isEmpty()
                    ? new VmResult.RolledBack(vm, steps.getLast().step(), why, r.undone(), r.irreversible(),
                            observeOrNull(target, vm))
                    : new VmResult.FailedLeft(vm, steps.getLast().step(), why + "; rollback failed: " + r.error(),
                            r.notUndone(), observeOrNull(target, vm), null);
            listener.vmFinished(result);
            results.add(result);
        });
        return new ApplyReport(results);
    }

    /**
     * Carries out the rest of the plan for every VM the run had started: steps already in effect are
     * taken as done, the others run in plan order. A VM the run never reached is left for the next plan.
     */
    public ApplyReport complete(InterruptedRun run, List<Step> plan) throws InterruptedException {
        Set<VmRef> started = byVm(plan, run.possiblyApplied()).keySet();
        List<Step> rest = new ArrayList<>();
        List<Integer> restIndex = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (started.contains(plan.get(i).vm()) && !run.done().contains(i)) {
                rest.add(plan.get(i));
                restIndex.add(i);
            }
        }
        List<VmResult> results = new ArrayList<>();
        for (VmRef vm : started) {
            Target target = targets.get(vm.target());
            List<IndexedStep> steps = new ArrayList<>();
            for (int k = 0; k < rest.size(); k++) {
                if (rest.get(k).vm().equals(vm)) {
                    steps.add(new IndexedStep(restIndex.get(k), rest.get(k)));
                }
            }
            results.add(completeVm(vm, target, steps));
        }
        return new ApplyReport(results);
    }

    private VmResult completeVm(VmRef vm, Target target, List<IndexedStep> steps) {
        if (target == null) {
            return new VmResult.NotStarted(vm, "target " + vm.target() + " is not open");
        }
        int done = 0;
        for (IndexedStep s : steps) {
            try {
                if (!s.step().verifiedBy(target.observe(vm))) {
                    listener.beforeStep(vm, s.index(), s.step());
                    runner.run(target, s.step());
                }
                listener.stepDone(vm, s.index(), s.step());
                done++;
            } catch (Exception e) {
                String error = StepRunner.message(e);
                listener.stepFailed(vm, s.index(), s.step(), error);
                VmResult left = new VmResult.FailedLeft(vm, s.step(), error, List.of(), observeOrNull(target, vm),
                        null);
                listener.vmFinished(left);
                return left;
            }
        }
        VmResult applied = new VmResult.Applied(vm, done, List.of());
        listener.vmFinished(applied);
        return applied;
    }

    private static Map<VmRef, List<IndexedStep>> byVm(List<Step> plan, Set<Integer> indices) {
        Map<VmRef, List<IndexedStep>> byVm = new LinkedHashMap<>();
        for (int i : indices) {
            if (i >= 0 && i < plan.size()) {
                byVm.computeIfAbsent(plan.get(i).vm(), vm -> new ArrayList<>()).add(new IndexedStep(i, plan.get(i)));
            }
        }
        return byVm;
    }

    private static io.nicsync.spi.LiveVm observeOrNull(Target target, VmRef vm) {
        try {
            return target.observe(vm);
        } catch (Exception e) {
            return null;
        }
    }
}
