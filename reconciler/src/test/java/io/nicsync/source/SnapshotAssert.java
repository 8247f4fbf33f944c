package io.nicsync.source;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/** Lets a test say {@code assertThat(snapshot).hasFiles(...)} and {@code .hasContent(path, text)}. */
final class SnapshotAssert extends AbstractAssert<SnapshotAssert, Snapshot> {

    private SnapshotAssert(Snapshot actual) {
        super(actual, SnapshotAssert.class);
    }

    static SnapshotAssert assertThat(Snapshot actual) {
        return new SnapshotAssert(actual);
    }

    SnapshotAssert isAtCommit(String commitId) {
        isNotNull();
        Assertions.assertThat(actual.commitId()).as("commit id").isEqualTo(commitId);
        return this;
    }

    /** Exactly these paths, in this order. */
    SnapshotAssert hasFiles(String... paths) {
        isNotNull();
        List<String> actualPaths = actual.files().stream().map(SourceFile::path).toList();
        Assertions.assertThat(actualPaths).as("file paths").containsExactly(paths);
        return this;
    }

    SnapshotAssert hasContent(String path, String text) {
        isNotNull();
        SourceFile file = actual.files().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file " + path + " in " + actual.files()));
        Assertions.assertThat(file.text()).as("content of " + path).isEqualTo(text);
        return this;
    }
}
