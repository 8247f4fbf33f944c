package io.nicsync.reconcile;

import io.nicsync.plan.Plan;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * For each target, the commit its VMs were last brought to: what tells drift (the commit did not move, the VMs
 * did) from a new commit. Kept per target, because the targets a process owns can change between cycles.
 */
final class AppliedCommits {
    private final Map<String, String> byTarget = new HashMap<>();
    private String latest;

    /** The VMs of {@code targets} are at {@code commit}: a cycle applied all of it or found nothing to do. */
    void reached(Set<String> targets, String commit) {
        targets.forEach(t -> byTarget.put(t, commit));
        if (!targets.isEmpty()) {
            latest = commit;
        }
    }

    void latest(String commit) {
        latest = commit;
    }

    /** Whether every change of {@code plan} is on a target already brought to {@code commit}. */
    boolean drift(Plan plan, String commit) {
        return !plan.noChanges() && plan.steps().stream().allMatch(s -> commit.equals(byTarget.get(s.vm().target())));
    }

    String latest() {
        return latest;
    }

    Map<String, String> byTarget() {
        return Map.copyOf(byTarget);
    }
}
