package io.nicsync.apply;

import io.nicsync.apply.JournalEvent.Kind;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Writes the applier's events into the run's journal. A journal that cannot be written stops the step
 * about to run: an unjournaled change could not be recovered after a crash.
 */
public final class JournalListener implements ApplyListener {
    private final Journal journal;
    private final Clock clock;

    public JournalListener(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void beforeStep(VmRef vm, int index, Step step) {
        write(Kind.STEP_STARTED, vm, index, null);
    }

    @Override
    public void stepDone(VmRef vm, int index, Step step) {
        write(Kind.STEP_DONE, vm, index, null);
    }

    @Override
    public void stepFailed(VmRef vm, int index, Step step, String error) {
        write(Kind.STEP_FAILED, vm, index, error);
    }

    @Override
    public void beforeUndo(VmRef vm, int index, Step inverse) {
        write(Kind.UNDO_STARTED, vm, index, null);
    }

    @Override
    public void undone(VmRef vm, int index, Step inverse) {
        write(Kind.STEP_UNDONE, vm, index, null);
    }

    @Override
    public void undoFailed(VmRef vm, int index, Step inverse, String error) {
        write(Kind.UNDO_FAILED, vm, index, error);
    }

    @Override
    public void vmFinished(VmResult result) {
        write(Kind.VM_FINISHED, result.vm(), -1, result.getClass().getSimpleName());
    }

    private void write(Kind kind, VmRef vm, int index, String detail) {
        try {
            journal.record(new JournalEvent(clock.instant(), kind, vm.toString(), index, detail));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + journal.file() + ": " + e.getMessage(), e);
        }
    }
}
