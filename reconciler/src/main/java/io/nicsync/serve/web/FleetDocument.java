package io.nicsync.serve.web;

import io.nicsync.apply.VmResult;
import io.nicsync.loop.PlanSession;
import io.nicsync.plan.HumanPlanView;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.PlanNote;
import io.nicsync.plan.StepText;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.VmRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet as one cycle left it, as the API's {@code targets} and {@code plan} show it: every target of the commit
 * with each planned VM, its state, its NICs desired next to live, its steps in the words of {@code nicsync plan}.
 */
final class FleetDocument {
    private FleetDocument() {
    }

    /**
     * @param results how the cycle's apply ended for each VM it touched
     * @param lastResults for each VM, the last apply outcome in words, whichever cycle it was in
     */
    static List<Map<String, Object>> targets(PlanSession.Planning planning, boolean drift, Map<VmRef, VmResult> results,
            Map<VmRef, Map<String, Object>> lastResults) {
        Plan plan = planning.plan();
        Map<String, List<Map<String, Object>>> vmsByTarget = new LinkedHashMap<>();
        for (TargetConfig target : planning.desired().state().config().targets()) {
            vmsByTarget.put(target.name(), new ArrayList<>());
        }
        Map<VmRef, List<Step>> stepsByVm = plan.stepsByVm();
        Map<VmRef, List<PlanNote>> notesByVm = plan.notesByVm();
        for (PlanInput input : planning.observed()) {
            VmRef ref = input.desired().ref();
            List<Step> steps = stepsByVm.getOrDefault(ref, List.of());
            VmState state = VmState.of(steps, drift, results.get(ref));
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("vm", ref.toString());
            vm.put("name", ref.name());
            vm.put("namespace", ref.namespace());
            vm.put("power", input.live().power().name().toLowerCase(Locale.ROOT));
            vm.put("state", state.label());
            vm.put("stateText", state.words);
            vm.put("nics", NicRows.of(input.desired(), input.live(), steps));
            vm.put("steps", steps.stream().map(StepText::line).toList());
            vm.put("notes", notesByVm.getOrDefault(ref, List.of()).stream()
                    .map(n -> n.level().name().toLowerCase(Locale.ROOT) + ": " + n.text()).toList());
            vm.put("lastResult", lastResults.get(ref));
            vmsByTarget.computeIfAbsent(ref.target(), t -> new ArrayList<>()).add(vm);
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        vmsByTarget.forEach((name, vms) -> {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("name", name);
            target.put("kind", planning.desired().state().config().target(name).map(TargetConfig::kind).orElse(null));
            target.put("planned", planning.targets().contains(name));
            target.put("vms", vms);
            targets.add(target);
        });
        return targets;
    }

    /** The plan as {@code nicsync plan} prints it. */
    static String planText(Plan plan) {
        StringWriter text = new StringWriter();
        new HumanPlanView().render(plan, new PrintWriter(text));
        return text.toString();
    }
}
