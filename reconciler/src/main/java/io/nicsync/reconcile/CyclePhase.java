package io.nicsync.reconcile;

/** Where the reconciler is: what {@code serve}'s health and readiness read, without waiting for a cycle. */
public enum CyclePhase {
    /** Between cycles. */
    IDLE,
    /** Finishing interrupted earlier runs: rollbacks, bounded by their step timeouts; never cut. */
    RECOVERING,
    /** Fetching, validating, observing and planning: nothing changes yet, and the cycle deadline cuts it. */
    PLANNING,
    /** Applying: bounded by the step timeouts; never cut, since a cut would leave VMs half-changed. */
    APPLYING
}
