package io.nicsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.VmResult;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end of an apply: each VM's outcome, the exact state of any VM left changed, and a summary line. */
final class ReportView {
    private ReportView() {
    }

    static String outcome(VmResult r) {
        return switch (r) {
            case VmResult.Applied a -> "applied (" + a.stepsDone() + " step(s))"
                    + (a.restartPending().isEmpty() ? "" : "; a restart is required for the rest (allowRestart is false)");
            case VmResult.RolledBack b -> "FAILED at " + StepText.describe(b.failed()) + ": " + b.error()
                    + "; rolled back (" + b.undone() + " step(s) undone"
                    + (b.irreversible().isEmpty() ? "" : ", " + b.irreversible().size() + " could not be undone") + ")";
            case VmResult.FailedLeft f -> "FAILED at " + StepText.describe(f.failed()) + ": " + f.error()
                    + "; left changed (" + f.notUndone().size() + " step(s) in effect)";
            case VmResult.NotStarted n -> "not started: " + n.why();
        };
    }

    static void text(ApplyReport report, PrintWriter out) {
        for (VmResult r : report.vms()) {
            out.println(r.vm() + ": " + outcome(r));
            if (r instanceof VmResult.FailedLeft f) {
                f.notUndone().forEach(s -> out.println("    still in effect: " + StepText.describe(s)));
                if (f.now() != null) {
                    VmStateText.lines(f.now()).forEach(l -> out.println("    now: " + l));
                } else {
                    out.println("    now: unknown, the VM could not be observed: " + f.observeError());
                }
            }
        }
        out.println(summary(report));
    }

    static String summary(ApplyReport report) {
        return "Apply: " + report.count(VmResult.Applied.class) + " applied, "
                + report.count(VmResult.RolledBack.class) + " rolled back, "
                + report.count(VmResult.FailedLeft.class) + " failed and left changed, "
                + report.count(VmResult.NotStarted.class) + " not started.";
    }

    static void json(ApplyReport report, Map<String, Object> header, PrintWriter out) {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        doc.put("exitCode", report.exitCode());
        List<Map<String, Object>> vms = new ArrayList<>();
        for (VmResult r : report.vms()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("vm", r.vm().toString());
            switch (r) {
                case VmResult.Applied a -> {
                    vm.put("outcome", "applied");
                    vm.put("steps", a.stepsDone());
                    vm.put("restartPending", a.restartPending().stream().map(StepText::describe).toList());
                }
                case VmResult.RolledBack b -> {
                    vm.put("outcome", "rolled-back");
                    failure(vm, b.failed(), b.error());
                    vm.put("undone", b.undone());
                    vm.put("irreversible", b.irreversible().stream().map(StepText::describe).toList());
                    vm.put("state", state(b.now()));
                }
                case VmResult.FailedLeft f -> {
                    vm.put("outcome", "failed-left-changed");
                    failure(vm, f.failed(), f.error());
                    vm.put("stillInEffect", f.notUndone().stream().map(StepText::describe).toList());
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
            vms.add(vm);
        }
        doc.put("vms", vms);
        doc.put("summary", summary(report));
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void failure(Map<String, Object> vm, Step failed, String error) {
        vm.put("failedStep", StepText.describe(failed));
        vm.put("error", error);
    }

    private static List<String> state(LiveVm now) {
        return now == null ? null : VmStateText.lines(now);
    }
}
