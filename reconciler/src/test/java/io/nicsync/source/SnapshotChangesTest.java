package io.nicsync.source;

import static io.nicsync.source.GitCli.commitAll;
import static io.nicsync.source.GitCli.git;
import static io.nicsync.source.GitCli.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotChangesTest {

    @TempDir
    Path tmp;

    @Test
    void namesAddedModifiedAndRemovedFilesBetweenTwoCommits() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        write(work, "vms/kept.yaml", "name: kept\n");
        write(work, "vms/edited.yaml", "name: before\n");
        write(work, "vms/dropped.yaml", "name: dropped\n");
        commitAll(work, "first");
        write(work, "vms/edited.yaml", "name: after\n");
        write(work, "vms/new.yml", "name: new\n");
        git(work, "rm", "-q", "vms/dropped.yaml");
        commitAll(work, "second");
        SourceSpec spec = new SourceSpec(work.toString(), null, null, tmp.resolve("cache"), Credentials.none());

        SnapshotChanges changes = SnapshotChanges.between(
                GitSource.read(spec.withRef("HEAD~1")), GitSource.read(spec));

        assertThat(changes.added()).containsExactly("vms/new.yml");
        assertThat(changes.modified()).containsExactly("vms/edited.yaml");
        assertThat(changes.removed()).containsExactly("vms/dropped.yaml");
        assertThat(changes.isEmpty()).isFalse();
    }

    @Test
    void aSnapshotHasNoChangesAgainstItself() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        GitCli.commitFile(work, "vms/web.yaml", "name: web\n");

        Snapshot snapshot = GitSource.read(
                new SourceSpec(work.toString(), null, null, tmp.resolve("cache"), Credentials.none()));

        assertThat(SnapshotChanges.between(snapshot, snapshot).isEmpty()).isTrue();
    }
}
