package io.nicsync.loop;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.VmRef;
import io.nicsync.validate.DesiredState;
import io.nicsync.validate.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which VMs a command works on ({@code --target}, {@code --vm}); empty sets mean all. A VM is named by its
 * name, {@code namespace/name}, or its full {@code target/[namespace/]name}.
 *
 * <p>A value that matches nothing is a typo, never "everything": {@link #check} refuses it, naming what exists,
 * before any target is opened.
 */
public record Selection(Set<String> targets, Set<String> vms) {
    public static final Selection ALL = new Selection(Set.of(), Set.of());
    /** How many names an error lists before it says how many more there are. */
    private static final int NAMES_SHOWN = 10;

    public Selection {
        targets = Set.copyOf(targets);
        vms = Set.copyOf(vms);
    }

    public boolean includes(DesiredVm vm) {
        return includes(vm.ref());
    }

    public boolean includes(VmRef ref) {
        return onTargets(ref) && named(ref);
    }

    private boolean onTargets(VmRef ref) {
        return targets.isEmpty() || targets.contains(ref.target());
    }

    private boolean named(VmRef ref) {
        return vms.isEmpty() || vms.stream().anyMatch(v -> names(v, ref));
    }

    private static boolean names(String value, VmRef ref) {
        return value.equals(ref.name()) || value.equals(ref.toString())
                || (ref.namespace() != null && value.equals(ref.namespace() + "/" + ref.name()));
    }

    /**
     * Refuses a selection with a value that matches no desired VM of {@code state}: a {@code --target} the
     * configuration does not declare (or, without {@code --vm}, one without desired VMs), a {@code --vm} that no
     * selected target has.
     */
    public void check(DesiredState state) throws RunFailure.NothingSelected {
        if (targets.isEmpty() && vms.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> declared = state.config().targets().stream().map(TargetConfig::name).toList();
        for (String target : targets) {
            if (!declared.contains(target)) {
                problems.add("no desired VM matches --target " + target + " (targets: " + listed(declared)
                        + suggestion(target, declared) + ")");
            } else if (vms.isEmpty() && state.vmsOn(target).isEmpty()) {
                problems.add("no desired VM matches --target " + target + " (target " + target
                        + " has no desired VMs)");
            }
        }
        List<VmRef> selectable = state.vms().stream().map(DesiredVm::ref).filter(this::onTargets).toList();
        for (String vm : vms) {
            if (selectable.stream().noneMatch(ref -> names(vm, ref))) {
                problems.add("no desired VM matches --vm " + vm + " (" + (targets.isEmpty() ? "VMs: "
                        : "VMs on " + String.join(", ", targets) + ": ") + listed(selectable.stream()
                        .map(VmRef::toString).toList()) + suggestion(vm, spellings(selectable)) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new RunFailure.NothingSelected(problems);
        }
    }

    /** Every way a VM may be named, for a suggestion. */
    private static List<String> spellings(List<VmRef> refs) {
        Set<String> out = new LinkedHashSet<>();
        for (VmRef ref : refs) {
            out.add(ref.name());
            out.add(ref.toString());
            if (ref.namespace() != null) {
                out.add(ref.namespace() + "/" + ref.name());
            }
        }
        return List.copyOf(out);
    }

    private static String suggestion(String written, List<String> names) {
        Optional<String> closest = Suggestions.closest(written, names);
        return closest.map(c -> "; did you mean " + c + "?").orElse("");
    }

    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        return names.size() <= NAMES_SHOWN ? shown : shown + " and " + (names.size() - NAMES_SHOWN) + " more";
    }
}
