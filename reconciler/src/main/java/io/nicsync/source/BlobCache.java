package io.nicsync.source;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * File contents by blob id, kept from one read to the next: a new commit usually changes a few files, and a blob id
 * names its content exactly, so the others are not inflated again. Holds only the blobs of the latest read.
 */
final class BlobCache {

    /** A desired-state file bigger than this is a mistake, not a VM description. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private Map<ObjectId, byte[]> blobs = new HashMap<>();
    private Map<ObjectId, byte[]> used = new HashMap<>();

    /** The returned array is shared between snapshots: callers must not modify it. */
    byte[] load(ObjectReader reader, ObjectId id) throws IOException {
        byte[] content = blobs.get(id);
        if (content == null) {
            content = reader.open(id).getBytes(MAX_FILE_BYTES);
        }
        used.put(id.copy(), content);
        return content;
    }

    /** Forgets every blob the read that just ended did not use. */
    void endRead() {
        blobs = used;
        used = new HashMap<>();
    }

    /** Forgets what the failed read loaded. */
    void abortRead() {
        used = new HashMap<>();
    }
}
