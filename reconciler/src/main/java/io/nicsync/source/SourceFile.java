package io.nicsync.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * One file of the desired state, as stored in the commit. Its content is read when first asked for: a file whose
 * checks a validation already holds under its blob id ({@code validate.ValidationStore}) is never read at all.
 *
 * <p>{@code path} is relative to the repository root, with {@code /} separators: the form every diagnostic uses.
 * {@code blobId} is the Git blob id of the content (40 hex digits): equal ids mean equal content, so work done on a
 * file's content can be kept under it from one commit to the next. {@code size} is the file's size in bytes, from
 * the object's header: the content's length, or more for a file too large to be loaded ({@link #notLoaded}), whose
 * content is then empty.
 */
public final class SourceFile {

    /** Reads a file's content on demand; called at most once. */
    @FunctionalInterface
    public interface Loader {
        byte[] load() throws IOException;
    }

    private final String path;
    private final String blobId;
    private final long size;
    private Loader loader;
    private byte[] content;

    private SourceFile(String path, String blobId, long size, byte[] content, Loader loader) {
        this.path = Objects.requireNonNull(path, "path");
        this.blobId = Objects.requireNonNull(blobId, "blobId");
        this.size = size;
        this.content = content;
        this.loader = loader;
    }

    public SourceFile(String path, byte[] content, String blobId, long size) {
        this(path, blobId, size, Objects.requireNonNull(content, "content"), null);
        if (size < content.length || size > content.length && content.length > 0) {
            throw new IllegalArgumentException("size " + size + " of " + path + " with " + content.length + " bytes");
        }
    }

    public SourceFile(String path, byte[] content, String blobId) {
        this(path, content, blobId, content.length);
    }

    /** A file that does not come from a Git tree: its blob id is computed as {@code git hash-object} would. */
    public SourceFile(String path, byte[] content) {
        this(path, content, blobIdOf(content), content.length);
    }

    /** A file of {@code size} bytes, over the limit of one file: only its size is known. */
    static SourceFile notLoaded(String path, long size, String blobId) {
        return new SourceFile(path, new byte[0], blobId, size);
    }

    /** A file of {@code size} bytes whose content {@code loader} reads when it is first asked for. */
    static SourceFile deferred(String path, long size, String blobId, Loader loader) {
        return new SourceFile(path, blobId, size, null, Objects.requireNonNull(loader, "loader"));
    }

    public String path() {
        return path;
    }

    public String blobId() {
        return blobId;
    }

    public long size() {
        return size;
    }

    /**
     * The content, read now if it was deferred. The array is shared: callers must not modify it.
     *
     * @throws UncheckedIOException when a deferred content cannot be read (the repository went away since)
     */
    public synchronized byte[] content() {
        if (content == null) {
            try {
                content = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " (blob " + blobId + "): " + e.getMessage(), e);
            }
            loader = null;
        }
        return content;
    }

    /** Whether the content is the whole file (else it was too large to load); a deferred file is. */
    public synchronized boolean loaded() {
        return content == null || size == content.length;
    }

    /** Whether the content has been read (a deferred file's is read only when asked for). */
    public synchronized boolean read() {
        return content != null;
    }

    public String text() {
        return new String(content(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return path + " (" + blobId + ", " + size + " bytes)";
    }

    private static String blobIdOf(byte[] content) {
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return formatter.idFor(Constants.OBJ_BLOB, content).name();
        }
    }
}
