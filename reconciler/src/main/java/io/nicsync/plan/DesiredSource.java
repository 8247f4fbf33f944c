package io.nicsync.plan;

import java.util.Objects;

/**
 * Where the desired state of a plan came from.
 *
 * @param commitId the commit the desired state was read from, 40 hex digits
 * @param ref what was asked for (branch, tag, commit)
 * @param path the directory inside the repository, "" for its root
 */
public record DesiredSource(String commitId, String author, String ref, String path) {
    public DesiredSource {
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(path, "path");
    }
}
