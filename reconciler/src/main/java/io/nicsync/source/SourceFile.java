package io.nicsync.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * One file of the desired state, as stored in the commit.
 *
 * @param path relative to the repository root, with {@code /} separators: the form every diagnostic uses
 * @param blobId the Git blob id of {@code content} (40 hex digits): equal ids mean equal content, so work done
 *     on a file's content can be kept under it from one commit to the next
 */
public record SourceFile(String path, byte[] content, String blobId) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(blobId, "blobId");
    }

    /** A file that does not come from a Git tree: its blob id is computed as {@code git hash-object} would. */
    public SourceFile(String path, byte[] content) {
        this(path, content, blobIdOf(content));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    private static String blobIdOf(byte[] content) {
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return formatter.idFor(Constants.OBJ_BLOB, content).name();
        }
    }
}
