package io.nicsync.apply;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The steps of one VM, in order, each verified; on failure, what the policy says. One thread runs it. */
final class VmRun {
    private final VmRef vm;
    private final List<IndexedStep> steps;
    private final Target target;
    private final ApplyOptions options;
    private final ApplyListener listener;
    private final Clock clock;
    private final Verifier verifier;

    VmRun(VmRef vm, List<IndexedStep> steps, Target target, ApplyOptions options, ApplyListener listener,
            Clock clock, Verifier verifier) {
        this.vm = vm;
        this.steps = List.copyOf(steps);
        this.target = target;
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.verifier = verifier;
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
                execute(s.step());
                done.add(s);
                listener.stepDone(vm, s.index(), s.step());
            } catch (Exception e) {
                String error = message(e);
                listener.stepFailed(vm, s.index(), s.step(), error);
                return options.onFailure() == FailurePolicy.ROLLBACK
                        ? rollback(s, error, done)
                        : leave(s, error, done);
            }
        }
        return new VmResult.Applied(vm, done.size(), restartPending);
    }

    /** Executes a step and waits until the VM shows its effect; one deadline covers both. */
    private void execute(Step step) throws TargetException, StepNotVerifiedException, InterruptedException {
        Instant deadline = clock.instant().plus(options.stepTimeout());
        target.execute(step, options.stepTimeout());
        verifier.await(target, step, deadline, options.stepTimeout());
    }

    /**
     * Undoes the failed step (it may have half happened) and then the completed ones in reverse. An inverse
     * whose effect already shows is not run: that part of the VM is as it was.
     */
    private VmResult rollback(IndexedStep failed, String error, List<IndexedStep> done) {
        listener.rollbackStarted(vm, failed.index());
        List<IndexedStep> toUndo = new ArrayList<>();
        toUndo.add(failed);
        toUndo.addAll(done.reversed());
        List<Step> irreversible = new ArrayList<>();
        List<Step> notUndone = new ArrayList<>();
        String undoError = null;
        int undone = 0;
        for (IndexedStep s : toUndo) {
            Optional<Step> inverse = s.step().inverse();
            if (inverse.isEmpty()) {
                if (s != failed) {
                    irreversible.add(s.step());
                }
                continue;
            }
            try {
                if (!inverse.get().verifiedBy(target.observe(vm))) {
                    listener.beforeUndo(vm, s.index(), inverse.get());
                    execute(inverse.get());
                }
                listener.undone(vm, s.index(), inverse.get());
                undone += s == failed ? 0 : 1;
            } catch (Exception e) {
                undoError = message(e);
                notUndone.add(s.step());
                listener.undoFailed(vm, s.index(), inverse.get(), undoError);
            }
        }
        Observed now = observe();
        if (notUndone.isEmpty()) {
            return new VmResult.RolledBack(vm, failed.step(), error, undone, irreversible, now.vm());
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
            return new Observed(null, message(e));
        }
    }

    private static String message(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
