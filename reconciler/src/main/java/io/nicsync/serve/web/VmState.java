package io.nicsync.serve.web;

import io.nicsync.apply.VmResult;
import io.nicsync.spi.Action;
import io.nicsync.spi.Step;
import java.util.List;

/** Where a VM stands after a cycle, as the page shows it; decided here once. */
enum VmState {
    /** Its live NICs are what Git says, or the cycle brought them there. */
    CONVERGED("converged"),
    /** The commit was applied already and the VM changed since: someone changed it outside Git. */
    DRIFTING("drifting"),
    /** A new commit asks for changes not made yet (planned only, not applied, or rolled back). */
    CHANGES_PLANNED("changes planned"),
    /** What is left needs a restart, which the policy does not allow. */
    RESTART_REQUIRED("restart required"),
    /** A step failed and the VM could not be put back: someone must look. */
    FAILED_LEFT_CHANGED("failed and left changed");

    final String words;

    VmState(String words) {
        this.words = words;
    }

    /** The label the API and the page's styles use: {@code changes-planned}. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * @param steps the VM's steps in the cycle's plan, made before anything was applied
     * @param drift whether the cycle's changes were drift
     * @param result how the cycle's apply ended for the VM; null when nothing was applied to it
     */
    static VmState of(List<Step> steps, boolean drift, VmResult result) {
        if (result instanceof VmResult.FailedLeft) {
            return FAILED_LEFT_CHANGED;
        }
        if (result instanceof VmResult.Applied applied) {
            return applied.restartPending().isEmpty() ? CONVERGED : RESTART_REQUIRED;
        }
        if (steps.isEmpty()) {
            return CONVERGED;
        }
        if (steps.stream().anyMatch(s -> s.action() == Action.RESTART_REQUIRED)) {
            return RESTART_REQUIRED;
        }
        return drift ? DRIFTING : CHANGES_PLANNED;
    }
}
