package io.nicsync.reconcile;

import java.util.Locale;

/** How one reconcile cycle ended; each maps to an exit code as {@code apply}'s do. */
public enum RunOutcome {
    /** Every selected VM already matched the desired state. */
    NO_CHANGES(0),
    /** The plan was applied; every VM applied. */
    APPLIED(0),
    /** There were changes and {@code policy.autoApply} is false: planned, not applied. */
    PLANNED(0),
    /** The commit was already applied but VMs drifted, and {@code policy.drift} is {@code report}. */
    DRIFT_REPORTED(0),
    /** Some VMs failed and were rolled back. */
    ROLLED_BACK(3),
    /** Some VMs failed and could not be rolled back. */
    LEFT_CHANGED(4),
    /** The head commit is not trusted: nothing was applied. */
    UNTRUSTED(1),
    /** An error before any change: Git, invalid desired state, an unreachable target, a held lock. */
    ERROR(1);

    private final int exitCode;

    RunOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The outcome as reports and metric labels spell it: {@code no-changes}, {@code rolled-back}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RunOutcome ofApplyExit(int exitCode) {
        return switch (exitCode) {
            case 0 -> APPLIED;
            case 3 -> ROLLED_BACK;
            default -> LEFT_CHANGED;
        };
    }
}
