package io.nicsync.apply;

import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes a plan's steps: the steps of one VM in order, different VMs in parallel up to the parallelism,
 * each step verified against the live VM before the next. One failed VM becomes a {@link VmResult}; it
 * never aborts the others, except that no new VM is started once {@code maxFailedVms} have failed (or
 * after any failure under {@link FailurePolicy#STOP}). The only caller of {@link Target#execute}.
 */
public final class Applier {
    private final Map<String, Target> targets;
    private final ApplyOptions options;
    private final ApplyListener listener;
    private final StepRunner runner;

    /** @param targets the open targets, by target name */
    public Applier(Map<String, Target> targets, ApplyOptions options, ApplyListener listener, Clock clock,
            Sleeper sleeper) {
        this.targets = Map.copyOf(targets);
        this.options = options;
        this.listener = listener;
        this.runner = new StepRunner(clock, sleeper, options.stepTimeout());
    }

    /** Applies {@code steps} (a plan's steps, in plan order; indices are positions in this list). */
    public ApplyReport apply(List<Step> steps) throws InterruptedException {
        Map<VmRef, List<IndexedStep>> byVm = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            byVm.computeIfAbsent(steps.get(i).vm(), vm -> new ArrayList<>()).add(new IndexedStep(i, steps.get(i)));
        }
        if (byVm.isEmpty()) {
            return new ApplyReport(List.of());
        }
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), byVm.size()),
                Thread.ofPlatform().name("nicsync-apply-", 1).factory());
        try {
            List<Future<VmResult>> results = new ArrayList<>();
            byVm.forEach((vm, vmSteps) -> results.add(pool.submit(() -> runVm(vm, vmSteps, failed, stopped))));
            List<VmResult> report = new ArrayList<>();
            for (Future<VmResult> f : results) {
                report.add(f.get());
            }
            return new ApplyReport(report);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a VM run ended with an unexpected error", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private VmResult runVm(VmRef vm, List<IndexedStep> steps, AtomicInteger failed, AtomicBoolean stopped) {
        VmResult result;
        Target target = targets.get(vm.target());
        if (stopped.get()) {
            result = new VmResult.NotStarted(vm, "the run stopped after a failure (on-failure: stop)");
        } else if (failed.get() >= options.maxFailedVms()) {
            result = new VmResult.NotStarted(vm, failed.get() + " VM(s) failed, maxFailedVms is "
                    + options.maxFailedVms());
        } else if (target == null) {
            result = new VmResult.NotStarted(vm, "target " + vm.target() + " is not open");
        } else {
            result = new VmRun(vm, steps, target, options, listener, runner).run();
        }
        if (!(result instanceof VmResult.Applied) && !(result instanceof VmResult.NotStarted)) {
            failed.incrementAndGet();
            if (options.onFailure() == FailurePolicy.STOP) {
                stopped.set(true);
            }
        }
        listener.vmFinished(result);
        return result;
    }
}
