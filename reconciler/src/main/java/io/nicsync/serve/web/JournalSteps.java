package io.nicsync.serve.web;

import io.nicsync.apply.JournalEvent;
import io.nicsync.apply.JournalReader;
import io.nicsync.guard.FileNames;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.plan.StepText;
import io.nicsync.spi.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's steps from its journal ({@code <state-dir>/journal/<run>.jsonl}, next to the plan it applied): each step
 * and each undo with its outcome, when it started and how long it took, in the order they ran.
 */
final class JournalSteps {
    private JournalSteps() {
    }

    /**
     * The rows of the run a cycle's report names under {@code apply.run}; none when it applied nothing. A journal
     * that cannot be read is one row that says so: the page shows the run without its steps.
     */
    static List<Map<String, Object>> ofReport(Path journalDir, Map<String, Object> report) {
        if (!(report.get("apply") instanceof Map<?, ?> apply) || !(apply.get("run") instanceof String run)) {
            return List.of();
        }
        try {
            return of(journalDir, FileNames.of("run", run)); // the id comes from a file another process wrote
        } catch (IOException | RuntimeException e) {
            return List.of(Map.of("step", "the journal of run " + run + " cannot be read: " + e.getMessage(),
                    "outcome", "unknown"));
        }
    }

    /** The rows of run {@code runId}; empty when its journal is gone (another state directory, cleaned up). */
    static List<Map<String, Object>> of(Path journalDir, String runId) throws IOException {
        Path journal = journalDir.resolve(runId + ".jsonl");
        Path planFile = journalDir.resolve(runId + ".plan.json");
        if (!Files.isRegularFile(journal) || !Files.isRegularFile(planFile)) {
            return List.of();
        }
        return rows(PlanFile.read(Files.readString(planFile)), JournalReader.read(journal));
    }

    static List<Map<String, Object>> rows(Plan plan, List<JournalEvent> events) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Integer, Map<String, Object>> running = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> undoing = new LinkedHashMap<>();
        for (JournalEvent e : events) {
            if (e.step() < 0 || e.step() >= plan.steps().size()) {
                continue;
            }
            Step step = plan.steps().get(e.step());
            switch (e.kind()) {
                case STEP_STARTED -> running.put(e.step(), row(rows, e, StepText.brief(step)));
                case UNDO_STARTED -> undoing.put(e.step(), row(rows, e, "undo: " + step.inverse()
                        .map(StepText::brief).orElse(StepText.brief(step))));
                case STEP_DONE -> end(running.remove(e.step()), e, "done");
                case STEP_FAILED -> end(running.remove(e.step()), e, "failed");
                case STEP_UNDONE -> end(undoing.remove(e.step()), e, "undone");
                case UNDO_FAILED -> end(undoing.remove(e.step()), e, "undo-failed");
                default -> { }
            }
        }
        return rows;
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, JournalEvent started, String what) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("vm", started.vm());
        row.put("step", what);
        row.put("outcome", "started"); // until an end is journaled: the run is going on, or it was interrupted
        row.put("startedAt", started.at().toString());
        row.put("seconds", null);
        rows.add(row);
        return row;
    }

    private static void end(Map<String, Object> row, JournalEvent end, String outcome) {
        if (row == null) {
            return;
        }
        row.put("outcome", outcome);
        Duration took = Duration.between(Instant.parse((String) row.get("startedAt")), end.at());
        row.put("seconds", took.toMillis() / 1000.0);
        if (end.detail() != null) {
            row.put("error", end.detail());
        }
    }
}
