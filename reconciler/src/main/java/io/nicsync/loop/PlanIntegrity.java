package io.nicsync.loop;

import io.nicsync.guard.FileNames;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlannedVm;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.VmRef;
import io.nicsync.validate.DesiredState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a plan read from a file must be before anything of it is used (a target opened, a lock file named): its
 * steps are for the VMs it covers, and those are VMs its commit's desired state declares, on targets that commit's
 * {@code nicsync.yaml} declares. A plan {@code plan --out} wrote always is; one that is not was edited.
 */
final class PlanIntegrity {
    /** How many problems a refusal lists before it counts the rest. */
    private static final int SHOWN = 5;

    private PlanIntegrity() {
    }

    static void require(Plan plan, DesiredState state) throws TamperedPlanException {
        List<String> problems = new ArrayList<>();
        Set<VmRef> covered = plan.vms().stream().map(PlannedVm::vm).collect(Collectors.toSet());
        Set<String> targets = state.config().targets().stream().map(TargetConfig::name).collect(Collectors.toSet());
        Set<VmRef> declared = state.vms().stream().map(DesiredVm::ref).collect(Collectors.toSet());
        Set<VmRef> unlisted = new LinkedHashSet<>();
        for (Step step : plan.steps()) {
            if (!covered.contains(step.vm())) {
                unlisted.add(step.vm());
            }
        }
        unlisted.forEach(vm -> problems.add("it has steps for " + vm + ", which it does not list in its vms"));
        Set<VmRef> all = new LinkedHashSet<>(covered);
        all.addAll(unlisted);
        for (VmRef vm : all) {
            if (!safe(vm.target())) {
                problems.add("target '" + vm.target() + "' of " + vm + " cannot be a target's name");
            } else if (!targets.contains(vm.target())) {
                problems.add("target " + vm.target() + " of " + vm + " is not declared in nicsync.yaml at commit "
                        + plan.source().commitId());
            } else if (!declared.contains(vm)) {
                problems.add(vm + " is not a VM of the desired state at commit " + plan.source().commitId());
            }
        }
        if (!problems.isEmpty()) {
            throw new TamperedPlanException(shown(problems));
        }
    }

    static List<String> shown(List<String> problems) {
        if (problems.size() <= SHOWN) {
            return problems;
        }
        List<String> out = new ArrayList<>(problems.subList(0, SHOWN));
        out.add("and " + (problems.size() - SHOWN) + " more");
        return out;
    }

    private static boolean safe(String target) {
        try {
            FileNames.of("target", target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
