package io.nicsync.apply;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.util.List;

/** How applying one VM's steps ended. Closed: every VM of a run ends in exactly one of these. */
public sealed interface VmResult {
    VmRef vm();

    /**
     * Every step done and verified.
     *
     * @param restartPending RestartRequired steps reported but not executed (restarts not allowed)
     */
    record Applied(VmRef vm, int stepsDone, List<Step> restartPending) implements VmResult {
        public Applied {
            restartPending = List.copyOf(restartPending);
        }
    }

    /**
     * A step failed and the VM was put back as it was before the run.
     *
     * @param irreversible completed steps that cannot be undone (a migration); their effect on NICs was
     *     undone by the inverses of the steps around them
     */
    record RolledBack(VmRef vm, Step failed, String error, int undone, List<Step> irreversible, LiveVm now)
            implements VmResult {
        public RolledBack {
            irreversible = List.copyOf(irreversible);
        }
    }

    /**
     * A step failed and the VM was left changed: rollback was not asked for, or it failed too.
     *
     * @param now the VM as observed at the end, null when it could not be observed
     * @param notUndone completed steps whose effect remains
     */
    record FailedLeft(VmRef vm, Step failed, String error, List<Step> notUndone, LiveVm now, String observeError)
            implements VmResult {
        public FailedLeft {
            notUndone = List.copyOf(notUndone);
        }
    }

    /** Never started: the run stopped before reaching this VM. */
    record NotStarted(VmRef vm, String why) implements VmResult {
    }
}
