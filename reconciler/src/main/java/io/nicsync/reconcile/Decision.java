package io.nicsync.reconcile;

import io.nicsync.plan.Plan;
import io.nicsync.validate.Policy;

/** What a cycle does with a plan, from the policy: apply it, or only report it. */
public enum Decision {
    /** The plan has no steps. */
    NOTHING_TO_DO,
    APPLY,
    /** {@code policy.autoApply: false}: changes are planned and reported, never applied. */
    PLAN_ONLY,
    /** The commit was applied already and the VMs drifted; {@code policy.drift: report}. */
    REPORT_DRIFT;

    /**
     * @param drift whether the plan's commit is the one last applied, so its changes undo changes made outside Git
     */
    static Decision of(Plan plan, boolean drift, Policy policy) {
        if (plan.noChanges()) {
            return NOTHING_TO_DO;
        }
        if (!policy.autoApply()) {
            return PLAN_ONLY;
        }
        return drift && policy.drift() == Policy.Drift.REPORT ? REPORT_DRIFT : APPLY;
    }
}
