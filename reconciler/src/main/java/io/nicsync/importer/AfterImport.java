package io.nicsync.importer;

import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code nicsync plan} would do right after the import, computed by the planner itself: nothing, unless
 * a VM's definitions disagree in what one declaration cannot say (a NIC whose link or network differs
 * between the running VM and its persistent definition). Those steps become warnings, so nobody finds
 * them only at the next plan.
 */
final class AfterImport {
    /** The plan is thrown away: only its steps are looked at, so its origin and time are moot. */
    private static final DesiredSource UNCOMMITTED = new DesiredSource("0".repeat(40), "nicsync import", "", "");
    private static final Clock UNUSED = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private AfterImport() {
    }

    static List<String> pendingSteps(List<ImportedVm> vms, Capabilities capabilities) {
        var inputs = vms.stream().map(v -> new PlanInput(v.desired(), v.live(), capabilities)).toList();
        var plan = new Planner(UNUSED).plan(UNCOMMITTED, inputs);
        var out = new ArrayList<String>();
        for (Step step : plan.steps()) {
            out.add(step.vm() + ": nicsync plan will still show a step for " + (step.nic() == null ? "the VM" : step.nic())
                    + ": " + step.reason());
        }
        return out;
    }
}
