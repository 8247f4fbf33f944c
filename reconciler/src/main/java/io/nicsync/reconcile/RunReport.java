package io.nicsync.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ExitCode;
import io.nicsync.apply.ReportDocument;
import io.nicsync.guard.Redaction;
import io.nicsync.source.CommitSigner;
import io.nicsync.source.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one reconcile cycle: what {@code reconcile --once -o json} prints, what the state directory keeps
 * as {@code reconcile/last-run.json} and {@code serve}'s {@code /status} returns.
 *
 * @param head the commit the cycle read; null when Git could not be read
 * @param signer who signed the head, when signed commits are required and it was trusted; null otherwise
 * @param drift whether the changes were drift: the commit is the one last applied, the VMs changed since
 * @param changedVms VMs the plan had steps for
 * @param steps steps in the plan
 * @param lastAppliedCommit the commit the VMs were last brought to, after this cycle; null before the first
 * @param appliedByTarget for each target, the commit its VMs were last brought to
 * @param recovered reports of interrupted earlier runs finished first
 * @param applied this cycle's apply; null when nothing was applied
 * @param applyRun the journal's run id of the apply; null when nothing was applied
 * @param error why the cycle failed before any change; null otherwise
 * @param diagnostics the validation errors of an invalid desired state, as {@code nicsync validate} prints them
 */
public record RunReport(
        Instant startedAt,
        Instant finishedAt,
        RunOutcome outcome,
        Snapshot head,
        CommitSigner signer,
        boolean drift,
        int changedVms,
        int steps,
        String lastAppliedCommit,
        Map<String, String> appliedByTarget,
        List<ApplyReport> recovered,
        ApplyReport applied,
        String applyRun,
        String error,
        List<String> diagnostics) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunReport {
        appliedByTarget = Map.copyOf(appliedByTarget);
        recovered = List.copyOf(recovered);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * As {@code apply}: 0 fine; 1 error before any change; 3 rolled back; 4 left changed. An interrupted earlier run
     * that was rolled back is what recovery is for and does not count; one that left VMs changed does (4).
     */
    public int exitCode() {
        boolean recoveryLeftChanged = recovered.stream().anyMatch(r -> r.exit() == ExitCode.LEFT_CHANGED);
        return (recoveryLeftChanged ? ExitCode.LEFT_CHANGED : outcome.exit()).code();
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /**
     * The report as a JSON-ready document, with no credentials in it ({@link Redaction}): every way the report
     * leaves the process ({@code last-run.json}, {@code /status}, {@code -o json}, the page, notifications) is this.
     */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("outcome", outcome.label());
        doc.put("exitCode", exitCode());
        doc.put("startedAt", startedAt.toString());
        doc.put("finishedAt", finishedAt.toString());
        doc.put("durationSeconds", duration().toMillis() / 1000.0);
        if (head != null) {
            doc.put("commit", head.commitId());
            doc.put("author", head.author());
            doc.put("ref", head.ref());
            doc.put("path", head.path());
        }
        if (signer != null) {
            doc.put("signedBy", signer.toString());
        }
        doc.put("lastAppliedCommit", lastAppliedCommit);
        doc.put("appliedByTarget", new java.util.TreeMap<>(appliedByTarget));
        doc.put("drift", drift);
        doc.put("changedVms", changedVms);
        doc.put("steps", steps);
        doc.put("recovered", recovered.stream().map(ReportDocument::of).toList());
        if (applied != null) {
            Map<String, Object> apply = new LinkedHashMap<>();
            apply.put("run", applyRun);
            apply.putAll(ReportDocument.of(applied));
            doc.put("apply", apply);
        }
        if (error != null) {
            doc.put("error", error);
        }
        if (!diagnostics.isEmpty()) {
            doc.put("diagnostics", diagnostics);
        }
        return Redaction.map(doc);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
