package io.nicsync.source;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * File contents by blob id, kept from one read to the next: a new commit usually changes a few files, and a blob id
 * names its content exactly, so the others are not inflated again. Holds only the blobs of the latest read.
 */
final class BlobCache {

    private Map<ObjectId, byte[]> blobs = new HashMap<>();
    private Map<ObjectId, byte[]> used = new HashMap<>();

    /**
     * The blob of {@code size} bytes (as its header says: checked against the limits before this is called). The
     * returned array is shared between snapshots: callers must not modify it.
     */
    byte[] load(ObjectReader reader, ObjectId id, long size) throws IOException {
        byte[] content = blobs.get(id);
        if (content == null) {
            content = reader.open(id, Constants.OBJ_BLOB).getBytes((int) Math.min(size, Integer.MAX_VALUE));
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
