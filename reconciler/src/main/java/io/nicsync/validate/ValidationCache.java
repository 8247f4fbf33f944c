package io.nicsync.validate;

import io.nicsync.platforms.Plugins;
import io.nicsync.source.SourceFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-file work of the last validation (YAML parse, schema check, binding), kept by path and blob id for
 * the next one: a push that changes a few files of a large desired state parses only those again. A file is
 * found only under its exact path and content, so an edit, a rename or a deletion is never hidden; the rules
 * that look across files always run on the whole state. Holds only the files of the latest validation.
 *
 * <p>Backed by a {@link ValidationStore} on disk, it also finds the files a validation of an earlier process checked:
 * by content alone, whatever their path.
 *
 * <p>One cache serves one {@link Validator} and one caller at a time (a long-running loop keeps one).
 */
public final class ValidationCache {
    private record Key(String path, String blobId) {
    }

    private final ValidationStore store;
    private Map<Key, CheckedFile> kept = new HashMap<>();
    private Map<Key, CheckedFile> used = new HashMap<>();
    private int reused;
    private int stored;

    /** A cache in memory only. */
    public ValidationCache() {
        this(null);
    }

    /** A cache that also reads and writes {@code store}; null for none. */
    public ValidationCache(ValidationStore store) {
        this.store = store;
    }

    /**
     * A cache backed by the store of the installed {@code plugins}' checks in nicsync's cache directory
     * {@code cacheRoot} ({@link ValidationStore#inCacheDirectory}), or in memory only when that store is turned off.
     */
    public static ValidationCache onDisk(Plugins plugins, Path cacheRoot) {
        return new ValidationCache(ValidationStore.inCacheDirectory(cacheRoot, System.getenv(),
                Validator.storeKey(plugins)));
    }

    /** Whether a validation with this cache would take the checks of this content from it, not read the file. */
    public boolean has(String blobId) {
        return store != null && store.has(blobId);
    }

    CheckedFile find(SourceFile file, Function<SourceFile, ReadAgain> again) {
        Key key = key(file);
        CheckedFile checked = kept.get(key);
        if (checked != null && store != null) {
            store.touch(file.blobId());
        } else if (checked == null && store != null) {
            checked = store.find(file, again);
            if (checked != null) {
                stored++;
            }
        }
        if (checked != null) {
            reused++;
            used.put(key, checked);
        }
        return checked;
    }

    void put(SourceFile file, CheckedFile checked) {
        used.put(key(file), checked);
        if (store != null) {
            store.put(file, checked);
        }
    }

    /** Forgets every file the validation that just ended did not look at, and writes the store if it changed. */
    void endValidation() {
        kept = used;
        used = new HashMap<>();
        if (store != null) {
            store.save();
        }
    }

    /** Files taken from the cache instead of being checked again, over this cache's life. */
    public int reused() {
        return reused;
    }

    /** Of {@link #reused}, those taken from the store on disk. */
    public int fromStore() {
        return stored;
    }

    private static Key key(SourceFile file) {
        return new Key(file.path(), file.blobId());
    }
}
