package io.nicsync.loop;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.VmRef;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which VMs a command works on ({@code --target}, {@code --vm}); empty sets mean all. A VM is named by its
 * name, {@code namespace/name}, or its full {@code target/[namespace/]name}.
 */
public record Selection(Set<String> targets, Set<String> vms) {
    public static final Selection ALL = new Selection(Set.of(), Set.of());

    public Selection {
        targets = Set.copyOf(targets);
        vms = Set.copyOf(vms);
    }

    public boolean includes(DesiredVm vm) {
        return includes(vm.ref());
    }

    public boolean includes(VmRef ref) {
        boolean target = targets.isEmpty() || targets.contains(ref.target());
        boolean name = vms.isEmpty() || vms.contains(ref.name()) || vms.contains(ref.toString())
                || (ref.namespace() != null && vms.contains(ref.namespace() + "/" + ref.name()));
        return target && name;
    }

    /** The targets a run must open: those of the selected VMs. */
    public static Set<String> targetsOf(Desired desired, Selection selection) {
        Set<String> names = new LinkedHashSet<>();
        desired.state().vms().stream().filter(selection::includes).forEach(vm -> names.add(vm.ref().target()));
        return names;
    }
}
