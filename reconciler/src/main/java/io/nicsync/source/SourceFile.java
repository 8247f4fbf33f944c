package io.nicsync.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of the desired state, as stored in the commit.
 *
 * @param path relative to the repository root, with {@code /} separators: the form every diagnostic uses
 */
public record SourceFile(String path, byte[] content) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
