package io.nicsync.validate;

import io.nicsync.source.SourceFile;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-file work of the last validation (YAML parse, schema check, binding), kept by path and blob id for
 * the next one: a push that changes a few files of a large desired state parses only those again. A file is
 * found only under its exact path and content, so an edit, a rename or a deletion is never hidden; the rules
 * that look across files always run on the whole state. Holds only the files of the latest validation.
 *
 * <p>One cache serves one {@link Validator} and one caller at a time (a long-running loop keeps one).
 */
public final class ValidationCache {
    private record Key(String path, String blobId) {
    }

    private Map<Key, CheckedFile> kept = new HashMap<>();
    private Map<Key, CheckedFile> used = new HashMap<>();
    private int reused;

    CheckedFile find(SourceFile file) {
        CheckedFile checked = kept.get(key(file));
        if (checked != null) {
            reused++;
            used.put(key(file), checked);
        }
        return checked;
    }

    void put(SourceFile file, CheckedFile checked) {
        used.put(key(file), checked);
    }

    /** Forgets every file the validation that just ended did not look at. */
    void endValidation() {
        kept = used;
        used = new HashMap<>();
    }

    /** Files taken from the cache instead of being checked again, over this cache's life. */
    public int reused() {
        return reused;
    }

    private static Key key(SourceFile file) {
        return new Key(file.path(), file.blobId());
    }
}
