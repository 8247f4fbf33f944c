package io.nicsync.plan;

import io.nicsync.spi.VmRef;
import java.util.HashMap;
import java.util.Map;

/**
 * What the last plan of a long-running caller made of each VM, for its next plan: a VM whose desired state,
 * observation and target capabilities are the very objects the last plan had gets the same steps and notes
 * without being diffed and planned again ({@link VmPlanner} depends on nothing else). A session keeps those objects
 * while nothing changes (a file reused by path and blob id, a VM its watches saw no event for), so a cycle in
 * which nothing moved plans nothing again. Objects that are equal but not the same are planned again: the check
 * costs nothing and cannot be wrong.
 *
 * <p>One plan at a time: the caller serializes its plans.
 */
public final class KeptVmPlans {
    private record Kept(PlanInput input, VmPlanner.Result result) {
    }

    private final boolean keeping;
    private Map<VmRef, Kept> last = Map.of();
    private Map<VmRef, Kept> made;
    private int reused;

    /** Keeps what each plan makes, for the next. */
    public KeptVmPlans() {
        this(true);
    }

    private KeptVmPlans(boolean keeping) {
        this.keeping = keeping;
    }

    /** Keeps nothing: every VM is planned (a plan made once). */
    public static KeptVmPlans none() {
        return new KeptVmPlans(false);
    }

    /** How many VMs the last plan took from the one before. */
    public int reused() {
        return reused;
    }

    void start() {
        made = keeping ? new HashMap<>(last.size() * 2) : null;
        reused = 0;
    }

    VmPlanner.Result plan(PlanInput vm) {
        if (!keeping) {
            return VmPlanner.plan(vm);
        }
        Kept kept = last.get(vm.live().ref());
        VmPlanner.Result result;
        if (kept != null && kept.input().desired() == vm.desired() && kept.input().live() == vm.live()
                && kept.input().capabilities() == vm.capabilities()) {
            result = kept.result();
            reused++;
        } else {
            result = VmPlanner.plan(vm);
        }
        made.put(vm.live().ref(), new Kept(vm, result));
        return result;
    }

    /** The plan is made: what it made is what the next one may take. */
    void end() {
        if (keeping) {
            last = made;
            made = null;
        }
    }
}
