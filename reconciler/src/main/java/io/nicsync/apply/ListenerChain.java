package io.nicsync.apply;

import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.function.Consumer;

/**
 * Forwards every event to each listener in order. What a listener throws goes to {@code failure}: thrown on at once
 * ({@link ApplyListener.Failure#THROW}, so that a journal that cannot be written stops the step), or kept from the
 * others and the caller.
 */
record ListenerChain(List<ApplyListener> listeners, ApplyListener.Failure failure) implements ApplyListener {

    private void each(String event, Consumer<ApplyListener> call) {
        for (ApplyListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                failure.failed(listener, event, e);
            }
        }
    }

    @Override
    public void vmStarted(VmRef vm, int steps) {
        each("vmStarted", l -> l.vmStarted(vm, steps));
    }

    @Override
    public void beforeStep(VmRef vm, int index, Step step) {
        each("beforeStep", l -> l.beforeStep(vm, index, step));
    }

    @Override
    public void stepDone(VmRef vm, int index, Step step) {
        each("stepDone", l -> l.stepDone(vm, index, step));
    }

    @Override
    public void stepFailed(VmRef vm, int index, Step step, String error) {
        each("stepFailed", l -> l.stepFailed(vm, index, step, error));
    }

    @Override
    public void stepSkipped(VmRef vm, int index, Step step, String why) {
        each("stepSkipped", l -> l.stepSkipped(vm, index, step, why));
    }

    @Override
    public void rollbackStarted(VmRef vm, int failedIndex) {
        each("rollbackStarted", l -> l.rollbackStarted(vm, failedIndex));
    }

    @Override
    public void beforeUndo(VmRef vm, int index, Step inverse) {
        each("beforeUndo", l -> l.beforeUndo(vm, index, inverse));
    }

    @Override
    public void undone(VmRef vm, int index, Step inverse) {
        each("undone", l -> l.undone(vm, index, inverse));
    }

    @Override
    public void undoFailed(VmRef vm, int index, Step inverse, String error) {
        each("undoFailed", l -> l.undoFailed(vm, index, inverse, error));
    }

    @Override
    public void vmFinished(VmResult result) {
        each("vmFinished", l -> l.vmFinished(result));
    }

    @Override
    public void warning(String message) {
        each("warning", l -> l.warning(message));
    }
}
