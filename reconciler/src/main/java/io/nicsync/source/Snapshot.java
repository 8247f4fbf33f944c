package io.nicsync.source;

import java.time.Instant;
import java.util.List;

/**
 * The desired-state files of one commit, read from its tree without a checkout.
 *
 * @param commitId the resolved commit, 40 hex digits
 * @param ref what the user asked for (branch, tag, commit), or the remote's HEAD when nothing was asked
 * @param path the subdirectory the files were read from, "" for the repository root
 * @param files every {@code *.yaml} and {@code *.yml} under {@code path}, sorted by path
 */
public record Snapshot(
        String commitId, String author, Instant commitTime, String ref, String path, List<SourceFile> files) {
    public Snapshot {
        files = List.copyOf(files);
    }
}
