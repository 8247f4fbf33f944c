package io.nicsync.loop;

import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.plan.StepText;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import io.nicsync.validate.DesiredState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A saved plan's steps are applied only if they are exactly the steps nicsync plans now from the plan's own commit
 * for the VMs it covers, as they are: once the fingerprints match (the VMs did not change since the plan was made),
 * planning again must give the same steps, so any difference is an edit of the file. The file's steps are never
 * trusted as written.
 */
final class SavedPlanCheck {
    private SavedPlanCheck() {
    }

    /**
     * @param observed the plan's VMs as observed now, their fingerprints already found equal to the plan's
     */
    static void requireAsPlanned(Plan saved, DesiredState state, List<LiveVm> observed, OpenTargets targets)
            throws TamperedPlanException {
        Map<VmRef, DesiredVm> desired = state.vms().stream()
                .collect(Collectors.toMap(DesiredVm::ref, Function.identity(), (a, b) -> a));
        List<PlanInput> inputs = new ArrayList<>();
        for (LiveVm live : observed) {
            inputs.add(new PlanInput(desired.get(live.ref()), live, targets.get(live.ref().target()).capabilities()));
        }
        Plan again = new Planner(Clock.fixed(saved.plannedAt(), java.time.ZoneOffset.UTC))
                .plan(saved.source(), inputs);
        List<String> problems = differences(saved.steps(), again.steps());
        if (!problems.isEmpty()) {
            throw new TamperedPlanException(PlanIntegrity.shown(problems));
        }
    }

    private static List<String> differences(List<Step> saved, List<Step> planned) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < Math.max(saved.size(), planned.size()); i++) {
            Step s = i < saved.size() ? saved.get(i) : null;
            Step p = i < planned.size() ? planned.get(i) : null;
            if (s == null) {
                problems.add("step " + (i + 1) + " is missing: " + p.vm() + " " + StepText.what(p));
            } else if (p == null) {
                problems.add("step " + (i + 1) + " (" + s.vm() + " " + StepText.what(s)
                        + ") is not planned from its commit");
            } else if (!s.equals(p) && StepText.what(s).equals(StepText.what(p))) {
                problems.add("step " + (i + 1) + " (" + s.vm() + " " + StepText.what(s) + ") gives another reason: '"
                        + s.reason() + "', its commit's plan says '" + p.reason() + "'");
            } else if (!s.equals(p)) {
                problems.add("step " + (i + 1) + " is " + s.vm() + " " + StepText.what(s) + ", but its commit plans "
                        + p.vm() + " " + StepText.what(p));
            }
        }
        return problems;
    }
}
