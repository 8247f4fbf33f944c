package io.nicsync.plan;

import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Makes a {@link Plan} from desired and observed VMs. Pure apart from reading the injected clock: it
 * never contacts a target and never prints.
 */
public final class Planner {
    private final Clock clock;

    public Planner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Plan plan(DesiredSource source, Collection<PlanInput> vms) {
        return plan(source, vms, KeptVmPlans.none());
    }

    /** As {@link #plan(DesiredSource, Collection)}, taking what {@code kept} holds of the plan before. */
    public Plan plan(DesiredSource source, Collection<PlanInput> vms, KeptVmPlans kept) {
        var sorted = vms.stream().sorted(Comparator.comparing(v -> v.live().ref())).toList();
        var planned = new ArrayList<PlannedVm>();
        var steps = new ArrayList<Step>();
        var notes = new ArrayList<PlanNote>();
        var definedFirst = new HashSet<VmRef>();
        kept.start();
        for (PlanInput vm : sorted) {
            var live = vm.live();
            planned.add(new PlannedVm(live.ref(), live.power(), live.fingerprint()));
            if (OneDefinition.keepsUnplugged(vm.capabilities())) {
                definedFirst.add(live.ref());
            }
            var result = kept.plan(vm);
            steps.addAll(result.steps());
            notes.addAll(result.notes());
        }
        kept.end();
        return new Plan(Plan.FORMAT_VERSION, source, clock.instant(), planned, StepOrder.sort(steps, definedFirst),
                notes);
    }
}
