package io.nicsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ReportDocument;
import io.nicsync.apply.VmResult;
import io.nicsync.apply.VmStateText;
import io.nicsync.guard.Redaction;
import io.nicsync.plan.StepText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The end of an apply: each VM's outcome, the exact state of any VM left changed, and a summary line. */
final class ReportView {
    private ReportView() {
    }

    static void text(ApplyReport report, PrintWriter out) {
        for (VmResult r : report.vms()) {
            out.println(r.vm() + ": " + ReportDocument.outcome(r));
            if (r instanceof VmResult.FailedLeft f) {
                f.notUndone().forEach(s -> out.println("    still in effect: " + StepText.brief(s)));
                if (f.now() != null) {
                    VmStateText.lines(f.now()).forEach(l -> out.println("    now: " + l));
                } else {
                    out.println("    now: unknown, the VM could not be observed: " + f.observeError());
                }
            }
        }
        out.println(ReportDocument.summary(report));
    }

    static void json(ApplyReport report, Map<String, Object> header, PrintWriter out) {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        doc.putAll(ReportDocument.of(report));
        json(Redaction.document(doc), out);
    }

    static void json(Object doc, PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
