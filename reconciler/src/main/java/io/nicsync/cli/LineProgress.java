package io.nicsync.cli;

import io.nicsync.apply.ApplyListener;
import io.nicsync.plan.StepText;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.io.PrintWriter;

/**
 * Progress as one line per event, for logs and pipes (no terminal). Each VM's outcome is left to the final
 * report, which follows.
 */
class LineProgress implements ApplyListener {
    private final PrintWriter out;

    LineProgress(PrintWriter out) {
        this.out = out;
    }

    private synchronized void line(VmRef vm, String text) {
        out.println(vm + ": " + text);
        out.flush();
    }

    @Override
    public void beforeStep(VmRef vm, int index, Step step) {
        line(vm, "step " + (index + 1) + " " + StepText.brief(step) + " ...");
    }

    @Override
    public void stepDone(VmRef vm, int index, Step step) {
        line(vm, "step " + (index + 1) + " done, verified");
    }

    @Override
    public void stepFailed(VmRef vm, int index, Step step, String error) {
        line(vm, "step " + (index + 1) + " FAILED: " + error);
    }

    @Override
    public void stepSkipped(VmRef vm, int index, Step step, String why) {
        line(vm, "step " + (index + 1) + " " + StepText.brief(step) + " not executed: " + why);
    }

    @Override
    public void rollbackStarted(VmRef vm, int failedIndex) {
        line(vm, "rolling back");
    }

    @Override
    public void beforeUndo(VmRef vm, int index, Step inverse) {
        line(vm, "undo step " + (index + 1) + ": " + StepText.brief(inverse) + " ...");
    }

    @Override
    public void undone(VmRef vm, int index, Step inverse) {
        line(vm, "undo step " + (index + 1) + " done, verified");
    }

    @Override
    public void undoFailed(VmRef vm, int index, Step inverse, String error) {
        line(vm, "undo step " + (index + 1) + " FAILED: " + error);
    }

    @Override
    public synchronized void warning(String message) {
        out.println("warning: " + message);
        out.flush();
    }
}
