package io.nicsync.source;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which files differ between two snapshots, so a loop can re-validate only what a push touched. Cheap when both
 * come from one {@link GitSource}: unchanged files share their content array, and identity is checked first.
 *
 * @param added paths only in the later snapshot, sorted
 * @param modified paths in both with different content, sorted
 * @param removed paths only in the earlier snapshot, sorted
 */
public record SnapshotChanges(List<String> added, List<String> modified, List<String> removed) {

    public SnapshotChanges {
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        removed = List.copyOf(removed);
    }

    public static SnapshotChanges between(Snapshot before, Snapshot after) {
        Map<String, byte[]> old = byPath(before);
        Map<String, byte[]> now = byPath(after);
        TreeSet<String> added = new TreeSet<>(now.keySet());
        added.removeAll(old.keySet());
        TreeSet<String> removed = new TreeSet<>(old.keySet());
        removed.removeAll(now.keySet());
        List<String> modified = now.keySet().stream()
                .filter(old::containsKey)
                .filter(path -> !sameContent(old.get(path), now.get(path)))
                .sorted()
                .toList();
        return new SnapshotChanges(List.copyOf(added), modified, List.copyOf(removed));
    }

    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    private static Map<String, byte[]> byPath(Snapshot snapshot) {
        return snapshot.files().stream().collect(Collectors.toMap(SourceFile::path, SourceFile::content, (a, b) -> a));
    }

    private static boolean sameContent(byte[] a, byte[] b) {
        return a == b || Arrays.equals(a, b);
    }
}
