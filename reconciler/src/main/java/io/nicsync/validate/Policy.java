package io.nicsync.validate;

import java.time.Duration;
import java.util.Objects;

/**
 * How plans are applied ({@code policy:} in {@code nicsync.yaml}).
 *
 * @param parallelism VMs changed at once
 * @param maxFailedVms no new VM is started after this many have failed
 * @param stepTimeout how long a step may take until the live system shows its effect
 * @param allowRestart whether a plan may restart a VM when a change cannot be made live
 * @param drift what {@code reconcile} and {@code serve} do when a VM changed without a commit
 * @param autoApply whether {@code reconcile} and {@code serve} apply plans or only report them
 */
public record Policy(
        int parallelism,
        int maxFailedVms,
        OnFailure onFailure,
        Duration stepTimeout,
        boolean allowRestart,
        Drift drift,
        boolean autoApply) {

    /** What the applier does when a step fails. */
    public enum OnFailure {
        /** Undo the failed VM's completed steps, in reverse. */
        ROLLBACK,
        /** Stop, leaving the failed VM as it is. */
        STOP,
        /** Leave the failed VM as it is and go on with the others. */
        CONTINUE
    }

    /** What to do with a VM whose live state drifted from the desired state. */
    public enum Drift {
        APPLY,
        REPORT
    }

    public Policy {
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(drift, "drift");
    }

    /** The policy of a {@code nicsync.yaml} without {@code policy:}. */
    public static Policy defaults() {
        return new Policy(8, 1, OnFailure.ROLLBACK, Duration.ofSeconds(60), false, Drift.APPLY, true);
    }
}
