package io.nicsync.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ReportDocument;
import io.nicsync.apply.VmResult;
import io.nicsync.guard.Redaction;
import io.nicsync.reconcile.RunReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a notification says about a cycle, in each {@link Endpoint.Format}. A few lines of text for people (the
 * outcome, the commit, each VM's result, the error) and, in nicsync's own JSON, the whole run report. Credentials in
 * URLs are {@link Redaction redacted}.
 *
 * <pre>{@code
 * {"source": "nicsync", "event": "failed", "host": "nicsync-6c9d7b-x2kq4",
 *  "text": "nicsync on nicsync-6c9d7b-x2kq4: rolled-back at commit 3f2a9c1b7d4e (main)\n...",
 *  "report": { ... as /status and reconcile -o json ... }}
 * }</pre>
 */
final class Message {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The events that are told: a cycle that changed VMs, and one that failed. */
    enum Event {
        CHANGED, FAILED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Message() {
    }

    /** What {@code report} is worth telling; null when nothing is (nothing changed, nothing failed). */
    static Event eventOf(RunReport report) {
        if (report.exitCode() != 0) {
            return Event.FAILED;
        }
        boolean changed = report.applied() != null && report.applied().vms().stream()
                .anyMatch(v -> v instanceof VmResult.Applied a && a.stepsDone() > 0);
        boolean recovered = !report.recovered().isEmpty();
        return changed || recovered ? Event.CHANGED : null;
    }

    static String text(Event event, RunReport report, String host) {
        List<String> lines = new ArrayList<>();
        String commit = report.head() == null ? "" : " at commit " + report.head().commitId().substring(0, 12)
                + " (" + report.head().ref() + ")";
        lines.add("nicsync on " + host + ": " + report.outcome().label() + commit
                + (report.drift() ? ", drift put back" : ""));
        for (ApplyReport recovered : report.recovered()) {
            lines.add("interrupted run finished: " + ReportDocument.summary(recovered));
        }
        if (report.applied() != null) {
            for (VmResult vm : report.applied().vms()) {
                lines.add(vm.vm() + ": " + ReportDocument.outcome(vm));
            }
            lines.add(ReportDocument.summary(report.applied()));
        }
        if (report.error() != null) {
            lines.add(report.error());
        }
        report.diagnostics().stream().limit(10).forEach(lines::add);
        if (event == Event.FAILED && report.applied() == null && report.error() == null) {
            lines.add("exit code " + report.exitCode());
        }
        return Redaction.text(String.join("\n", lines));
    }

    static byte[] body(Endpoint.Format format, Event event, RunReport report, String host) {
        String text = text(event, report, host);
        Map<String, Object> doc = new LinkedHashMap<>();
        switch (format) {
            case SLACK -> doc.put("text", slackEscaped(text));
            case JSON -> {
                doc.put("source", "nicsync");
                doc.put("event", event.label());
                doc.put("host", host);
                doc.put("text", text);
                doc.put("report", report.document());
            }
        }
        try {
            return JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup: its documentation asks for these three escaped. */
    static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
