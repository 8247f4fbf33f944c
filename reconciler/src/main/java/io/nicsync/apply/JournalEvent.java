package io.nicsync.apply;

import java.time.Instant;

/**
 * One line of a run's journal.
 *
 * @param step the step's index in the plan, or -1 for events of the run or of a whole VM
 * @param detail an error message or an outcome, null when there is nothing to add
 */
public record JournalEvent(Instant at, Kind kind, String vm, int step, String detail) {

    public enum Kind {
        RUN_STARTED,
        STEP_STARTED,
        STEP_DONE,
        STEP_FAILED,
        UNDO_STARTED,
        STEP_UNDONE,
        UNDO_FAILED,
        VM_FINISHED,
        RUN_FINISHED
    }
}
