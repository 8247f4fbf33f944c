package io.nicsync.apply;

import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.util.List;

/** Forwards every event to each listener in order. */
record ListenerChain(List<ApplyListener> listeners) implements ApplyListener {

    @Override
    public void vmStarted(VmRef vm, int steps) {
        listeners.forEach(l -> l.vmStarted(vm, steps));
    }

    @Override
    public void beforeStep(VmRef vm, int index, Step step) {
        listeners.forEach(l -> l.beforeStep(vm, index, step));
    }

    @Override
    public void stepDone(VmRef vm, int index, Step step) {
        listeners.forEach(l -> l.stepDone(vm, index, step));
    }

    @Override
    public void stepFailed(VmRef vm, int index, Step step, String error) {
        listeners.forEach(l -> l.stepFailed(vm, index, step, error));
    }

    @Override
    public void stepSkipped(VmRef vm, int index, Step step, String why) {
        listeners.forEach(l -> l.stepSkipped(vm, index, step, why));
    }

    @Override
    public void rollbackStarted(VmRef vm, int failedIndex) {
        listeners.forEach(l -> l.rollbackStarted(vm, failedIndex));
    }

    @Override
    public void beforeUndo(VmRef vm, int index, Step inverse) {
        listeners.forEach(l -> l.beforeUndo(vm, index, inverse));
    }

    @Override
    public void undone(VmRef vm, int index, Step inverse) {
        listeners.forEach(l -> l.undone(vm, index, inverse));
    }

    @Override
    public void undoFailed(VmRef vm, int index, Step inverse, String error) {
        listeners.forEach(l -> l.undoFailed(vm, index, inverse, error));
    }

    @Override
    public void vmFinished(VmResult result) {
        listeners.forEach(l -> l.vmFinished(result));
    }

    @Override
    public void warning(String message) {
        listeners.forEach(l -> l.warning(message));
    }
}
