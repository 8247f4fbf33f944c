package io.nicsync.loop;

import io.nicsync.guard.Redaction;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.KeptVmPlans;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The selected desired VMs next to what their targets report, ready to plan. */
public record Observation(Desired desired, List<PlanInput> inputs) {
    /**
     * Up to this many VMs of one target are looked up one by one; more are taken from one listing of the
     * target, which costs one round trip (KubeVirt: one LIST) instead of one or more per VM.
     */
    static final int LOOKUPS_UP_TO = 8;

    /** How every VM of a target is read: {@link Target#observeAll}, or its watched form in a long-running loop. */
    @FunctionalInterface
    public interface Listing {
        List<LiveVm> of(Target target) throws TargetException;
    }

    public Observation {
        inputs = List.copyOf(inputs);
    }

    /** Observes every selected VM. Every missing VM is reported at once; other errors stop the run. */
    public static Observation observe(Desired desired, Selection selection, OpenTargets targets)
            throws TargetException, MissingVmsException {
        return observe(desired, selection, targets, Target::observeAll);
    }

    /** As {@link #observe(Desired, Selection, OpenTargets)}, listing targets with {@code listing}. */
    public static Observation observe(Desired desired, Selection selection, OpenTargets targets, Listing listing)
            throws TargetException, MissingVmsException {
        Map<String, List<DesiredVm>> byTarget = new LinkedHashMap<>();
        for (DesiredVm vm : desired.state().vms()) {
            if (selection.includes(vm)) {
                byTarget.computeIfAbsent(vm.ref().target(), t -> new ArrayList<>()).add(vm);
            }
        }
        List<PlanInput> inputs = new ArrayList<>();
        List<VmRef> missing = new ArrayList<>();
        for (Map.Entry<String, List<DesiredVm>> entry : byTarget.entrySet()) {
            Target target = targets.get(entry.getKey());
            Map<VmRef, LiveVm> listed = entry.getValue().size() > LOOKUPS_UP_TO && selection.vms().isEmpty()
                    ? list(target, listing) : null;
            for (DesiredVm vm : entry.getValue()) {
                LiveVm live = listed != null ? listed.get(vm.ref()) : lookUp(target, vm.ref());
                if (live == null) {
                    missing.add(vm.ref());
                } else {
                    inputs.add(new PlanInput(vm, live, target.capabilities()));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingVmsException(missing);
        }
        return new Observation(desired, inputs);
    }

    public Plan plan(Clock clock) {
        return plan(clock, KeptVmPlans.none());
    }

    /** As {@link #plan(Clock)}, taking from {@code kept} each VM the plan before made from the same inputs. */
    public Plan plan(Clock clock, KeptVmPlans kept) {
        var s = desired.snapshot();
        // A plan file is shared and kept: the repository it names carries no credentials.
        return new Planner(clock).plan(new DesiredSource(Redaction.reusable(desired.repo()), s.commitId(),
                s.author(), s.ref(), s.path()), inputs, kept);
    }

    /** Every VM of the target by reference; null when the caller may not list them (look them up instead). */
    private static Map<VmRef, LiveVm> list(Target target, Listing listing) throws TargetException {
        List<LiveVm> all;
        try {
            all = listing.of(target);
        } catch (TargetException e) {
            if (e.reason() == TargetException.Reason.FORBIDDEN) {
                return null;
            }
            throw e;
        }
        Map<VmRef, LiveVm> byRef = new HashMap<>(all.size() * 2);
        all.forEach(vm -> byRef.put(vm.ref(), vm));
        return byRef;
    }

    /** One VM, or null when its target has none of that name. */
    private static LiveVm lookUp(Target target, VmRef ref) throws TargetException {
        try {
            return target.observe(ref);
        } catch (TargetException e) {
            if (e.reason() != TargetException.Reason.NOT_FOUND) {
                throw e;
            }
            return null;
        }
    }
}
