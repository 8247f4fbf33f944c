package io.nicsync.reconcile;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyReport;
import io.nicsync.loop.PlanSession;
import io.nicsync.plan.Plan;
import io.nicsync.source.Snapshot;

/**
 * What a reconcile cycle reports as it goes, besides each step ({@link ApplyListener}): the command line's
 * lines and the metrics subscribe. Called from the cycle's thread, and for steps from the applier's workers. What a
 * listener throws is a warning to the others: it changes nothing of the cycle, its report or its steps.
 */
public interface CycleListener extends ApplyListener {

    /** An interrupted earlier run was finished before anything else. */
    default void recovered(ApplyReport report) {
    }

    /**
     * What the plan was made from: each planned VM as desired next to how it was observed, before anything was
     * applied, the commit's targets and who signed it. Called before {@link #planned}.
     */
    default void observed(PlanSession.Planning planning) {
    }

    /** The plan of the head commit and what the cycle does with it. */
    default void planned(Snapshot head, Plan plan, Decision decision) {
    }

    default void finished(RunReport report) {
    }
}
