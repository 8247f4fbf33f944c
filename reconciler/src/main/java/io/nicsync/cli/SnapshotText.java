package io.nicsync.cli;

import io.nicsync.source.Snapshot;
import io.nicsync.source.WorkingTree;
import java.util.LinkedHashMap;
import java.util.Map;

/** The desired commit, as every command's output names it. */
final class SnapshotText {
    private SnapshotText() {
    }

    static String header(Snapshot s) {
        if (s.ref().equals(WorkingTree.REF)) {
            return "Desired state: the working tree as it is on disk, uncommitted changes included (at commit "
                    + s.commitId().substring(0, 12) + (s.path().isEmpty() ? "" : ", path " + s.path()) + ")";
        }
        return "Desired state: commit " + s.commitId().substring(0, 12) + " by " + s.author()
                + " (ref " + s.ref() + (s.path().isEmpty() ? "" : ", path " + s.path()) + ")";
    }

    static Map<String, Object> fields(Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commit", s.commitId());
        m.put("author", s.author());
        m.put("commitTime", s.commitTime().toString());
        m.put("ref", s.ref());
        m.put("path", s.path());
        return m;
    }
}
