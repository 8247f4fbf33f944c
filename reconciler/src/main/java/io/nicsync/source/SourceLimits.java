package io.nicsync.source;

import java.time.Duration;

/**
 * Bounds on what reading the desired state may cost, so that a hostile or broken repository costs an error and
 * not the process: every bound is checked before the bytes it bounds are loaded (a blob's size is read from its
 * header, never by inflating it).
 *
 * @param maxFiles desired-state files ({@code *.yaml}, {@code *.yml}) under the path; more is refused unread
 * @param maxFileBytes one file; a larger one is not loaded, and validation reports it at its path
 * @param maxTotalBytes every file that is loaded, together; more is refused unread
 * @param fetchTimeout one fetch or clone of a remote repository, start to end (Git's own timeout is per read: a
 *     server that sends a byte now and then would keep a fetch alive for ever)
 */
public record SourceLimits(int maxFiles, long maxFileBytes, long maxTotalBytes, Duration fetchTimeout) {

    /** 50,000 files, 3 MiB a file, 64 MiB in all, 2 minutes a fetch: far above any real desired state. */
    public static final SourceLimits DEFAULT = new SourceLimits(50_000, 3L << 20, 64L << 20, Duration.ofMinutes(2));

    public SourceLimits {
        if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        if (fetchTimeout.isNegative() || fetchTimeout.isZero()) {
            throw new IllegalArgumentException("the fetch timeout must be longer than 0s");
        }
    }

    public SourceLimits withMaxFiles(int files) {
        return new SourceLimits(files, maxFileBytes, maxTotalBytes, fetchTimeout);
    }

    public SourceLimits withMaxTotalBytes(long bytes) {
        return new SourceLimits(maxFiles, maxFileBytes, bytes, fetchTimeout);
    }

    public SourceLimits withFetchTimeout(Duration timeout) {
        return new SourceLimits(maxFiles, maxFileBytes, maxTotalBytes, timeout);
    }
}
