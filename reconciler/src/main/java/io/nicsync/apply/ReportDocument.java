package io.nicsync.apply;

import io.nicsync.plan.StepText;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An apply's report in words and as a JSON-ready document: what {@code apply -o json} prints, what
 * {@code serve}'s {@code /status} returns, what a note on the applied commit holds.
 */
public final class ReportDocument {
    private ReportDocument() {
    }

    /** One VM's outcome in a line. */
    public static String outcome(VmResult r) {
        return switch (r) {
            case VmResult.Applied a -> "applied (" + a.stepsDone() + " step(s))"
                    + (a.restartPending().isEmpty() ? "" : "; a restart is required for the rest (allowRestart is false)");
            case VmResult.RolledBack b -> "FAILED at " + StepText.brief(b.failed()) + ": " + b.error()
                    + "; rolled back (" + b.undone() + " step(s) undone"
                    + (b.irreversible().isEmpty() ? "" : ", " + b.irreversible().size() + " could not be undone") + ")";
            case VmResult.FailedLeft f -> "FAILED at " + StepText.brief(f.failed()) + ": " + f.error()
                    + "; left changed (" + f.notUndone().size() + " step(s) in effect)";
            case VmResult.NotStarted n -> "not started: " + n.why();
        };
    }

    public static String summary(ApplyReport report) {
        return "Apply: " + report.count(VmResult.Applied.class) + " applied, "
                + report.count(VmResult.RolledBack.class) + " rolled back, "
                + report.count(VmResult.FailedLeft.class) + " failed and left changed, "
                + report.count(VmResult.NotStarted.class) + " not started.";
    }

    /** {@code exitCode}, one entry per VM with its outcome and, for a failed VM, its exact state, and the summary. */
    public static Map<String, Object> of(ApplyReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("exitCode", report.exitCode());
        List<Map<String, Object>> vms = new ArrayList<>();
        for (VmResult r : report.vms()) {
            vms.add(vm(r));
        }
        doc.put("vms", vms);
        doc.put("summary", summary(report));
        return doc;
    }

    private static Map<String, Object> vm(VmResult r) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("vm", r.vm().toString());
        switch (r) {
            case VmResult.Applied a -> {
                vm.put("outcome", "applied");
                vm.put("steps", a.stepsDone());
                vm.put("restartPending", a.restartPending().stream().map(StepText::brief).toList());
            }
            case VmResult.RolledBack b -> {
                vm.put("outcome", "rolled-back");
                failure(vm, b.failed(), b.error());
                vm.put("undone", b.undone());
                vm.put("irreversible", b.irreversible().stream().map(StepText::brief).toList());
                vm.put("state", state(b.now()));
            }
            case VmResult.FailedLeft f -> {
                vm.put("outcome", "failed-left-changed");
                failure(vm, f.failed(), f.error());
                vm.put("stillInEffect", f.notUndone().stream().map(StepText::brief).toList());
                vm.put("state", state(f.now()));
                if (f.observeError() != null) {
                    vm.put("observeError", f.observeError());
                }
            }
            case VmResult.NotStarted n -> {
                vm.put("outcome", "not-started");
                vm.put("why", n.why());
            }
        }
        return vm;
    }

    private static void failure(Map<String, Object> vm, Step failed, String error) {
        vm.put("failedStep", StepText.brief(failed));
        vm.put("error", error);
    }

    private static List<String> state(LiveVm now) {
        return now == null ? null : VmStateText.lines(now);
    }
}
