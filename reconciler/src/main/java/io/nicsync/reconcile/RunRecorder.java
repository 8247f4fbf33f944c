package io.nicsync.reconcile;

import io.nicsync.source.GitSource;

/**
 * Keeps the result of a cycle somewhere besides the state directory, such as a note on the applied commit.
 * Called after every cycle that read a commit; a failure is reported as a warning and does not change the
 * cycle's outcome.
 */
@FunctionalInterface
public interface RunRecorder {
    /** Records nothing: the default. */
    RunRecorder NONE = (source, report) -> { };

    void record(GitSource source, RunReport report) throws Exception;
}
