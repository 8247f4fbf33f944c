package io.nicsync.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * A run whose process ended before it journaled {@code run-finished}: a crash, a kill, a power cut.
 *
 * @param unreadable lines of its journal that could not be read (a torn write)
 */
public record InterruptedRun(String runId, Path journal, Path plan, List<JournalEvent> events, int unreadable) {
    public InterruptedRun {
        events = List.copyOf(events);
    }

    /**
     * The plan the run applied, as it was when the run started: its SHA-256 must be the one the journal's first
     * line recorded. A run that may have changed something is not recovered from a plan that cannot be checked.
     *
     * @throws IOException the plan file is missing, unreadable, or not the one the run started with
     */
    public String planText() throws IOException {
        byte[] bytes = Files.readAllBytes(plan);
        Optional<String> recorded = recordedDigest();
        if (recorded.isEmpty()) {
            if (!possiblyApplied().isEmpty()) {
                throw new IOException("run " + runId + ": its journal " + journal + " records no digest of its plan,"
                        + " so the plan cannot be checked; not recovered (look at the journal and the VMs it names)");
            }
        } else if (!recorded.get().equals(Journal.sha256(bytes))) {
            throw new IOException("run " + runId + ": its plan " + plan + " is not the one the run started with"
                    + " (sha256 " + Journal.sha256(bytes) + ", the journal recorded " + recorded.get()
                    + "); not recovered (look at the journal and the VMs it names)");
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The plan's SHA-256 as the {@code run-started} line recorded it. */
    Optional<String> recordedDigest() {
        return events.stream()
                .filter(e -> e.kind() == JournalEvent.Kind.RUN_STARTED && e.detail() != null
                        && e.detail().startsWith(Journal.PLAN_DIGEST))
                .map(e -> e.detail().substring(Journal.PLAN_DIGEST.length()))
                .findFirst();
    }

    /**
     * Steps that may have taken effect and were not undone, in the order they ran: every step journaled as
     * started (a step that started and never finished may have taken effect), minus those undone.
     */
    public SequencedSet<Integer> possiblyApplied() {
        return stepsSince(JournalEvent.Kind.STEP_STARTED);
    }

    /** Steps verified done and not undone. */
    public SequencedSet<Integer> done() {
        return stepsSince(JournalEvent.Kind.STEP_DONE);
    }

    private SequencedSet<Integer> stepsSince(JournalEvent.Kind counted) {
        SequencedSet<Integer> steps = new LinkedHashSet<>();
        for (JournalEvent e : events) {
            if (e.kind() == counted) {
                steps.add(e.step());
            } else if (e.kind() == JournalEvent.Kind.STEP_UNDONE) {
                steps.remove(e.step());
            }
        }
        return steps;
    }
}
