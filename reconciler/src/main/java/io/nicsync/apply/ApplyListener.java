package io.nicsync.apply;

import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.util.List;

/**
 * What the applier reports as it goes; the CLI's progress display, the journal and metrics subscribe.
 * Called from the worker threads of different VMs at once: implementations are thread-safe. An exception
 * thrown from {@link #beforeStep} or {@link #beforeUndo} stops that step before it runs (the journal must
 * be written before a step changes anything).
 *
 * @see Applier
 */
public interface ApplyListener {

    default void vmStarted(VmRef vm, int steps) {
    }

    default void beforeStep(VmRef vm, int index, Step step) {
    }

    default void stepDone(VmRef vm, int index, Step step) {
    }

    default void stepFailed(VmRef vm, int index, Step step, String error) {
    }

    /** A RestartRequired step reported and not executed, because restarts are not allowed. */
    default void stepSkipped(VmRef vm, int index, Step step, String why) {
    }

    default void rollbackStarted(VmRef vm, int failedIndex) {
    }

    /** {@code index} is the plan index of the step being undone; {@code inverse} is what runs. */
    default void beforeUndo(VmRef vm, int index, Step inverse) {
    }

    default void undone(VmRef vm, int index, Step inverse) {
    }

    default void undoFailed(VmRef vm, int index, Step inverse, String error) {
    }

    default void vmFinished(VmResult result) {
    }

    /** Something to tell that changes no outcome, such as a torn journal line cut off before a recovery. */
    default void warning(String message) {
    }

    /** One listener that calls each of {@code listeners} in order. */
    static ApplyListener all(List<ApplyListener> listeners) {
        return new ListenerChain(List.copyOf(listeners));
    }
}
