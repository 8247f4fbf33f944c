package io.nicsync.loop;

import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ReportDocument;
import io.nicsync.apply.VmResult;
import io.nicsync.guard.Redaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The entry a run adds to the status note on the commit it applied: a first line with the outcome, when and where,
 * then one line per VM, then the summary. Plain text, so that {@code git notes --ref=nicsync show COMMIT} and
 * {@code git log --notes=nicsync} read well; one entry per run, entries separated by a blank line.
 *
 * <pre>
 * nicsync apply: applied, 2026-11-22T05:40:12Z on deploy-1, run 2026-11-22T05-40-12.031Z-6f1c2a9e
 *   lab/web-01: applied (3 step(s))
 *   lab/db-01: applied (1 step(s))
 *   Apply: 2 applied, 0 rolled back, 0 failed and left changed, 0 not started.
 * </pre>
 */
public final class StatusNoteText {
    private StatusNoteText() {
    }

    /** @param command what ran: "apply", "reconcile" */
    public static String entry(String command, Instant at, String host, ApplyRun.Outcome outcome) {
        StringBuilder text = new StringBuilder("nicsync ").append(command).append(": ")
                .append(word(outcome.report())).append(", ").append(at.truncatedTo(ChronoUnit.SECONDS))
                .append(" on ").append(host).append(", run ").append(outcome.runId()).append('\n');
        if (!outcome.recovered().isEmpty()) {
            text.append("  recovered ").append(outcome.recovered().size()).append(" interrupted run(s) first\n");
        }
        for (VmResult vm : outcome.report().vms()) {
            text.append("  ").append(vm.vm()).append(": ").append(ReportDocument.outcome(vm)).append('\n');
        }
        text.append("  ").append(ReportDocument.summary(outcome.report())).append('\n');
        return Redaction.text(text.toString()); // a note travels with the repository: no credential of an error in it
    }

    private static String word(ApplyReport report) {
        return switch (report.exit()) {
            case OK -> "applied";
            case ROLLED_BACK -> "failed, rolled back";
            default -> "failed, left changed";
        };
    }
}
