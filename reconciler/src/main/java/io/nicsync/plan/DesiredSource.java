package io.nicsync.plan;

import java.util.Objects;

/**
 * Where the desired state of a plan came from.
 *
 * @param repo the repository as the run named it (an absolute path or a URL), so that {@code nicsync apply FILE}
 *     can read the targets' configuration at {@code commitId}; null when unknown
 * @param commitId the commit the desired state was read from, 40 hex digits
 * @param ref what was asked for (branch, tag, commit)
 * @param path the directory inside the repository, "" for its root
 */
public record DesiredSource(String repo, String commitId, String author, String ref, String path) {
    public DesiredSource {
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(path, "path");
    }

    /** A source without a known repository, as tests and hand-made plans have. */
    public DesiredSource(String commitId, String author, String ref, String path) {
        this(null, commitId, author, ref, path);
    }
}
