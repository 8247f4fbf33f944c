package io.nicsync.plugin.ganeti;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Instant;
import java.util.List;

/** Writes and removes {@link Ledger} entries: each is an instance tag, and each change of tags is a job. */
final class Ledgers {
    private final Cluster cluster;

    Ledgers(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Refuses, before anything changes, a difference that could not be recorded afterwards. */
    static void requireWritable(Ledger.Entry entry, String where) throws TargetException {
        var why = Ledger.unwritable(entry);
        if (why.isPresent()) {
            throw new TargetException(Reason.UNSUPPORTED, where + ": nicsync would have to record that the running"
                    + " VM differs from its configuration, and cannot: " + why.get());
        }
    }

    void record(String instance, Ledger.Entry entry, Instant deadline, String where) throws TargetException {
        requireWritable(entry, where);
        JobResult job = cluster.addTags(instance, List.of(entry.tag()), deadline, where + ": recording " + entry.tag());
        if (!job.succeeded()) {
            throw Failures.of(where + ": recording " + entry.tag(), job);
        }
    }

    void forget(String instance, List<? extends Ledger.Entry> entries, Instant deadline, String where)
            throws TargetException {
        if (entries.isEmpty()) {
            return;
        }
        List<String> tags = entries.stream().map(Ledger.Entry::tag).toList();
        JobResult job = cluster.removeTags(instance, tags, deadline, where + ": removing " + tags);
        if (!job.succeeded()) {
            throw Failures.of(where + ": removing " + tags, job);
        }
    }
}
