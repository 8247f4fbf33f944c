package io.nicsync.plan;

import io.nicsync.spi.Migrate;
import io.nicsync.spi.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The plan for people, grouped by VM. VMs with neither steps nor notes are left out. The summary counts NICs:
 * a migration adds the NICs it carries, so they count as added; the migration itself is not counted.
 *
 * <pre>
 * # lab/web-01 (running, fingerprint 3f2a9c1d04be)
 *   ~ link old0: up -> down  # carrier down before the unplug, so the guest sees the link go first
 *   - unplug old0 (bridge br-old, link down)  # state: absent
 *   ~ unpersist old0  # state: absent
 *
 * Plan: 0 to add, 1 to unplug, 2 to change, 0 need restart.
 * </pre>
 */
public final class HumanPlanView implements PlanView {
    private static final int FINGERPRINT_SHOWN = 12;
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    /** Plain text, for files, pipes and logs. */
    public HumanPlanView() {
        this(false);
    }

    /** @param colour whether each step's symbol is coloured (ANSI), for a terminal */
    public HumanPlanView(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void render(Plan plan, PrintWriter out) {
        var stepsByVm = plan.stepsByVm();
        var notesByVm = plan.notesByVm();
        for (PlannedVm vm : plan.vms()) {
            var steps = stepsByVm.getOrDefault(vm.vm(), List.of());
            var notes = notesByVm.getOrDefault(vm.vm(), List.of());
            if (steps.isEmpty() && notes.isEmpty()) {
                continue;
            }
            out.println("# " + vm.vm() + " (" + vm.power().name().toLowerCase(Locale.ROOT) + ", fingerprint "
                    + shortened(vm.fingerprint().value()) + ")");
            steps.forEach(s -> out.println("  " + coloured(StepText.line(s))));
            notes.forEach(n -> out.println("  " + n.level().name().toLowerCase(Locale.ROOT) + ": " + n.text()));
            out.println();
        }
        out.println(plan.noChanges() ? "No changes." : summary(plan.steps()));
        out.flush();
    }

    private static String summary(List<Step> steps) {
        int add = 0;
        int unplug = 0;
        int change = 0;
        int restart = 0;
        for (Step step : steps) {
            switch (step.action()) {
                case ADD -> add++;
                case MIGRATE -> add += ((Migrate) step).carries().size();
                case UNPLUG -> unplug++;
                case REPOINT, SET_LINK, PERSIST, UNPERSIST -> change++;
                case RESTART_REQUIRED -> restart++;
            }
        }
        return "Plan: " + add + " to add, " + unplug + " to unplug, " + change + " to change, " + restart
                + " need restart.";
    }

    /** The line with its leading symbol coloured as Terraform colours its own: + green, - red, ~ yellow. */
    private String coloured(String line) {
        if (!colour) {
            return line;
        }
        String code = switch (line.charAt(0)) {
            case '+' -> "\u001b[32m";
            case '-' -> "\u001b[31m";
            case '~' -> "\u001b[33m";
            case '>' -> "\u001b[36m";
            case '!' -> "\u001b[1;35m";
            default -> null;
        };
        return code == null ? line : code + line.charAt(0) + RESET + line.substring(1);
    }

    private static String shortened(String fingerprint) {
        return fingerprint.length() <= FINGERPRINT_SHOWN ? fingerprint : fingerprint.substring(0, FINGERPRINT_SHOWN);
    }
}
