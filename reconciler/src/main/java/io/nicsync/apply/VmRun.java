package io.nicsync.apply;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.List;

/** The steps of one VM, in order, each verified; on failure, what the policy says. One thread runs it. */
final class VmRun {
    private final VmRef vm;
    private final List<IndexedStep> steps;
    private final Target target;
    private final ApplyOptions options;
    private final ApplyListener listener;
    private final StepRunner runner;
    private final Rollback rollback;

    VmRun(VmRef vm, List<IndexedStep> steps, Target target, ApplyOptions options, ApplyListener listener,
            StepRunner runner) {
        this.vm = vm;
        this.steps = List.copyOf(steps);
        this.target = target;
        this.options = options;
        this.listener = listener;
        this.runner = runner;
        this.rollback = new Rollback(target, runner, listener);
    }

    VmResult run() {
        listener.vmStarted(vm, steps.size());
        List<IndexedStep> done = new ArrayList<>();
        List<Step> restartPending = new ArrayList<>();
        for (IndexedStep s : steps) {
            if (s.step() instanceof RestartRequired && !options.allowRestart()) {
                restartPending.add(s.step());
                listener.stepSkipped(vm, s.index(), s.step(), "restarts are not allowed (policy.allowRestart: false)");
                continue;
            }
            try {
                listener.beforeStep(vm, s.index(), s.step());
                runner.run(target, s.step());
                done.add(s);
                listener.stepDone(vm, s.index(), s.step());
            } catch (Exception e) {
                String error = StepRunner.message(e);
                listener.stepFailed(vm, s.index(), s.step(), error);
                return options.onFailure() == FailurePolicy.ROLLBACK
                        ? rollback(s, error, done)
                        : leave(s, error, done);
            }
        }
        return new VmResult.Applied(vm, done.size(), restartPending);
    }

    /**
     * Undoes the failed step (it may have half happened) and then the completed ones in reverse. The failed
     * step counts neither as undone nor as irreversible: it is the failure being reported.
     */
    private VmResult rollback(IndexedStep failed, String error, List<IndexedStep> done) {
        listener.rollbackStarted(vm, failed.index());
        Rollback.Result ofFailed = rollback.undo(vm, List.of(failed));
        Rollback.Result ofDone = rollback.undo(vm, done.reversed());
        List<Step> notUndone = new ArrayList<>(ofFailed.notUndone());
        notUndone.addAll(ofDone.notUndone());
        String undoError = ofDone.error() != null ? ofDone.error() : ofFailed.error();
        Observed now = observe();
        if (notUndone.isEmpty()) {
            return new VmResult.RolledBack(vm, failed.step(), error, ofDone.undone(), ofDone.irreversible(), now.vm());
        }
        return new VmResult.FailedLeft(vm, failed.step(), error + "; rollback failed: " + undoError, notUndone,
                now.vm(), now.error());
    }

    private VmResult leave(IndexedStep failed, String error, List<IndexedStep> done) {
        Observed now = observe();
        return new VmResult.FailedLeft(vm, failed.step(), error, done.stream().map(IndexedStep::step).toList(),
                now.vm(), now.error());
    }

    private record Observed(LiveVm vm, String error) {
    }

    private Observed observe() {
        try {
            return new Observed(target.observe(vm), null);
        } catch (TargetException | RuntimeException e) {
            return new Observed(null, StepRunner.message(e));
        }
    }
}
