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
 * @param size the file's size in bytes: {@code content.length}, or more for a file too large to be loaded
 *     ({@link #notLoaded}), whose content is then empty
 */
public record SourceFile(String path, byte[] content, String blobId, long size) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(blobId, "blobId");
        if (size < content.length || size > content.length && content.length > 0) {
            throw new IllegalArgumentException("size " + size + " of " + path + " with " + content.length + " bytes");
        }
    }

    public SourceFile(String path, byte[] content, String blobId) {
        this(path, content, blobId, content.length);
    }

    /** A file of {@code size} bytes, over the limit of one file: only its size is known. */
    static SourceFile notLoaded(String path, long size, String blobId) {
        return new SourceFile(path, new byte[0], blobId, size);
    }

    /** Whether the content is the whole file (else it was too large to load). */
    public boolean loaded() {
        return size == content.length;
    }

    /** A file that does not come from a Git tree: its blob id is computed as {@code git hash-object} would. */
    public SourceFile(String path, byte[] content) {
        this(path, content, blobIdOf(content), content.length);
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
