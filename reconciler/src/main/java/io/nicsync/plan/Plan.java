package io.nicsync.plan;

import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What nicsync will do, as a value: the desired state it came from, every VM as observed then, the steps in
 * the order they run, and notes for people. Read and written by {@link PlanFile}; shown by a
 * {@link PlanView}.
 *
 * @param formatVersion the plan file format; {@link #FORMAT_VERSION} for plans made by this version
 */
public record Plan(
        int formatVersion,
        DesiredSource source,
        Instant plannedAt,
        List<PlannedVm> vms,
        List<Step> steps,
        List<PlanNote> notes) {

    public static final int FORMAT_VERSION = 1;

    public Plan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(plannedAt, "plannedAt");
        vms = List.copyOf(vms);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** A plan without steps: every VM already matches (notes may still warn). */
    public boolean noChanges() {
        return steps.isEmpty();
    }

    public List<Step> steps(VmRef vm) {
        return steps.stream().filter(s -> s.vm().equals(vm)).toList();
    }

    public List<PlanNote> notes(VmRef vm) {
        return notes.stream().filter(n -> n.vm().equals(vm)).toList();
    }

    /** The steps of each VM that has any, in the order they run: what {@link #steps(VmRef)} is for every VM at once. */
    public Map<VmRef, List<Step>> stepsByVm() {
        return steps.stream().collect(Collectors.groupingBy(Step::vm, LinkedHashMap::new, Collectors.toList()));
    }

    /** The notes of each VM that has any, as {@link #stepsByVm}. */
    public Map<VmRef, List<PlanNote>> notesByVm() {
        return notes.stream().collect(Collectors.groupingBy(PlanNote::vm, LinkedHashMap::new, Collectors.toList()));
    }
}
