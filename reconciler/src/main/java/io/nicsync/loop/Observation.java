package io.nicsync.loop;

import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The selected desired VMs next to what their targets report, ready to plan. */
public record Observation(Desired desired, List<PlanInput> inputs) {
    public Observation {
        inputs = List.copyOf(inputs);
    }

    /** Observes every selected VM. Every missing VM is reported at once; other errors stop the run. */
    public static Observation observe(Desired desired, Selection selection, OpenTargets targets)
            throws TargetException, MissingVmsException {
        List<PlanInput> inputs = new ArrayList<>();
        List<VmRef> missing = new ArrayList<>();
        for (DesiredVm vm : desired.state().vms()) {
            if (!selection.includes(vm)) {
                continue;
            }
            Target target = targets.get(vm.ref().target());
            try {
                LiveVm live = target.observe(vm.ref());
                inputs.add(new PlanInput(vm, live, target.capabilities()));
            } catch (TargetException e) {
                if (e.reason() != TargetException.Reason.NOT_FOUND) {
                    throw e;
                }
                missing.add(vm.ref());
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingVmsException(missing);
        }
        return new Observation(desired, inputs);
    }

    public Plan plan(Clock clock) {
        var s = desired.snapshot();
        return new Planner(clock).plan(new DesiredSource(desired.repo(), s.commitId(), s.author(), s.ref(), s.path()), inputs);
    }
}
