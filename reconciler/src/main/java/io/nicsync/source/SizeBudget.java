package io.nicsync.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the files of one read and their sizes against {@link SourceLimits}, before any of them is loaded: a file
 * over the per-file limit is left unloaded (validation reports it), too many files or too many bytes in all refuse
 * the read.
 */
final class SizeBudget {
    private final SourceLimits limits;
    private final String what;
    private final List<String> paths = new ArrayList<>();
    private long total;

    /** @param what the commit or working tree read, for messages */
    SizeBudget(SourceLimits limits, String what) {
        this.limits = limits;
        this.what = what;
    }

    /** Counts a file; true when it is to be loaded, false when it is larger than one file may be. */
    boolean add(String path, long size) throws SourceException {
        paths.add(path);
        if (paths.size() > limits.maxFiles()) {
            throw new SourceException(SourceException.Reason.TOO_LARGE, what + " has more than " + limits.maxFiles()
                    + " desired-state files; refusing to read it (--max-files raises the limit)");
        }
        if (size > limits.maxFileBytes()) {
            return false;
        }
        total += size;
        if (total > limits.maxTotalBytes()) {
            throw new SourceException(SourceException.Reason.TOO_LARGE, what + " has more than "
                    + limits.maxTotalBytes() + " bytes of desired-state files (at " + path + ", file " + paths.size()
                    + "); refusing to read it (--max-total-bytes raises the limit)");
        }
        return true;
    }
}
