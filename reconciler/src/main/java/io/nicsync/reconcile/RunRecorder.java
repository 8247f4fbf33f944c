package io.nicsync.reconcile;

import io.nicsync.loop.ApplyRun;
import io.nicsync.loop.StatusNoteText;
import io.nicsync.source.GitSource;
import io.nicsync.source.NoteOutcome;
import io.nicsync.source.SourceException;
import java.util.Optional;

/**
 * Keeps the result of a cycle somewhere besides the state directory, such as a note on the applied commit.
 * Called after every cycle that read a commit. What it cannot keep is a warning: it never changes the cycle's
 * outcome.
 */
@FunctionalInterface
public interface RunRecorder {
    /** Records nothing: the default. */
    RunRecorder NONE = (source, report) -> Optional.empty();

    /** @return a warning, one line, when the result could not be kept where it belongs */
    Optional<String> record(GitSource source, RunReport report) throws SourceException;

    /**
     * A status note on the commit of each cycle that ran a plan (refs/notes/nicsync, pushed to a remote
     * repository), as {@code apply} writes it; cycles that only planned or found nothing to do write none.
     *
     * @param host where this process runs, named in the note
     */
    static RunRecorder statusNotes(String host) {
        return (source, report) -> {
            if (report.applied() == null) {
                return Optional.empty();
            }
            String entry = StatusNoteText.entry("reconcile", report.finishedAt(), host,
                    new ApplyRun.Outcome(report.recovered(), report.applied(), report.applyRun()));
            NoteOutcome note = source.appendNote(report.head().commitId(), entry);
            return Optional.ofNullable(note.warning()).map(w -> "status note: " + w);
        };
    }
}
