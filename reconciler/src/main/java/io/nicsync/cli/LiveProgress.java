package io.nicsync.cli;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.VmResult;
import io.nicsync.plan.StepText;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress on a terminal: one line per VM that is running or finished, plus an overall line, redrawn in
 * place with ANSI cursor movement on every event.
 */
final class LiveProgress implements ApplyListener {
    private static final String UP = "\u001b[%dA";
    private static final String CLEAR_LINE = "\u001b[2K\r";

    private final PrintWriter out;
    private final int vmsInPlan;
    private final Map<VmRef, String> lines = new LinkedHashMap<>();
    private final Map<VmRef, Integer> totals = new LinkedHashMap<>();
    private final Map<VmRef, Integer> doneSteps = new LinkedHashMap<>();
    private int finished;
    private int failed;
    private int drawn;

    LiveProgress(PrintWriter out, int vmsInPlan) {
        this.out = out;
        this.vmsInPlan = vmsInPlan;
    }

    @Override
    public synchronized void vmStarted(VmRef vm, int steps) {
        totals.put(vm, steps);
        doneSteps.put(vm, 0);
        set(vm, "starting");
    }

    @Override
    public synchronized void beforeStep(VmRef vm, int index, Step step) {
        set(vm, StepText.brief(step) + " ...");
    }

    @Override
    public synchronized void stepDone(VmRef vm, int index, Step step) {
        doneSteps.merge(vm, 1, Integer::sum);
        set(vm, StepText.brief(step) + " ok");
    }

    @Override
    public synchronized void stepFailed(VmRef vm, int index, Step step, String error) {
        set(vm, "FAILED " + StepText.brief(step) + ": " + error);
    }

    @Override
    public synchronized void beforeUndo(VmRef vm, int index, Step inverse) {
        set(vm, "rolling back: " + StepText.brief(inverse) + " ...");
    }

    @Override
    public synchronized void vmFinished(VmResult result) {
        finished++;
        if (!(result instanceof VmResult.Applied)) {
            failed++;
        }
        set(result.vm(), io.nicsync.apply.ReportDocument.outcome(result));
    }

    /** Printed below the display, which is drawn afresh under it. */
    @Override
    public synchronized void warning(String message) {
        out.println("warning: " + message);
        out.flush();
        drawn = 0;
    }

    private void set(VmRef vm, String status) {
        int total = totals.getOrDefault(vm, 0);
        lines.put(vm, String.format("%-32s [%d/%d] %s", vm, doneSteps.getOrDefault(vm, 0), total, status));
        redraw();
    }

    private void redraw() {
        if (drawn > 0) {
            out.print(String.format(UP, drawn));
        }
        for (String line : lines.values()) {
            out.print(CLEAR_LINE);
            out.println(line);
        }
        out.print(CLEAR_LINE);
        out.println("VMs: " + finished + "/" + vmsInPlan + " finished, " + failed + " failed");
        out.flush();
        drawn = lines.size() + 1;
    }
}
