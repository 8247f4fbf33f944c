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

    /** One listener that calls each of {@code listeners} in order; what one throws stops the others and the caller. */
    static ApplyListener all(List<ApplyListener> listeners) {
        return new ListenerChain(List.copyOf(listeners), Failure.THROW);
    }

    /**
     * One listener that calls each of {@code listeners} in order, every one of them whatever another throws: what one
     * throws goes to {@code failure}, not to the caller. For listeners that only watch, never for the journal.
     */
    static ApplyListener isolated(List<ApplyListener> listeners, Failure failure) {
        return new ListenerChain(List.copyOf(listeners), failure);
    }

    /** What becomes of an exception a listener threw on an event. */
    @FunctionalInterface
    interface Failure {
        /** Thrown on to the caller. */
        Failure THROW = (listener, event, e) -> {
            throw e;
        };

        void failed(ApplyListener listener, String event, RuntimeException e);
    }
}
