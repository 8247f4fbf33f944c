package io.nicsync.apply;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/** A run whose process ended before it journaled {@code run-finished}: a crash, a kill, a power cut. */
public record InterruptedRun(String runId, Path journal, Path plan, List<JournalEvent> events) {
    public InterruptedRun {
        events = List.copyOf(events);
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
