package io.nicsync.reconcile;

import io.nicsync.apply.ExitCode;
import java.util.Locale;

/** How one reconcile cycle ended; each maps to an exit code as {@code apply}'s do. */
public enum RunOutcome {
    /** Every selected VM already matched the desired state. */
    NO_CHANGES(ExitCode.OK),
    /** The plan was applied; every VM applied. */
    APPLIED(ExitCode.OK),
    /** There were changes and {@code policy.autoApply} is false: planned, not applied. */
    PLANNED(ExitCode.OK),
    /** The commit was already applied but VMs drifted, and {@code policy.drift} is {@code report}. */
    DRIFT_REPORTED(ExitCode.OK),
    /** Some VMs failed and were rolled back. */
    ROLLED_BACK(ExitCode.ROLLED_BACK),
    /** Some VMs failed and could not be rolled back. */
    LEFT_CHANGED(ExitCode.LEFT_CHANGED),
    /** The head commit is not trusted: nothing was applied. */
    UNTRUSTED(ExitCode.ERROR),
    /** An error before any change: Git, invalid desired state, an unreachable target, a held lock. */
    ERROR(ExitCode.ERROR);

    private final ExitCode exit;

    RunOutcome(ExitCode exit) {
        this.exit = exit;
    }

    public ExitCode exit() {
        return exit;
    }

    /** The outcome as reports and metric labels spell it: {@code no-changes}, {@code rolled-back}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RunOutcome ofApply(ExitCode exit) {
        return switch (exit) {
            case OK -> APPLIED;
            case ROLLED_BACK -> ROLLED_BACK;
            default -> LEFT_CHANGED;
        };
    }
}
