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
        SequencedSet<Integer> steps = new LinkedHashSet<>();
        for (JournalEvent e : events) {
            switch (e.kind()) {
                case STEP_STARTED -> steps.add(e.step());
                case STEP_UNDONE -> steps.remove(e.step());
                default -> { }
            }
        }
        return steps;
    }

    /** Steps verified done and not undone. */
    public SequencedSet<Integer> done() {
        SequencedSet<Integer> steps = new LinkedHashSet<>();
        for (JournalEvent e : events) {
            switch (e.kind()) {
                case STEP_DONE -> steps.add(e.step());
                case STEP_UNDONE -> steps.remove(e.step());
                default -> { }
            }
        }
        return steps;
    }
}
