package io.nicsync.source;

import static io.nicsync.source.GitCli.commitFile;
import static io.nicsync.source.GitCli.git;
import static io.nicsync.source.SnapshotAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One history: v1 (tagged both ways) then v2 on main, and v3 on branch feature. */
class RefSelectionTest {

    @TempDir
    Path tmp;

    private Path work;
    private String first;
    private String second;
    private String onFeature;

    @BeforeEach
    void history() {
        work = GitCli.init(tmp.resolve("work"));
        first = commitFile(work, "vms/web.yaml", "version: 1\n");
        git(work, "tag", "light");
        git(work, "tag", "-a", "-m", "release one", "release-1");
        second = commitFile(work, "vms/web.yaml", "version: 2\n");
        git(work, "checkout", "-q", "-b", "feature");
        onFeature = commitFile(work, "vms/web.yaml", "version: 3\n");
        git(work, "checkout", "-q", "main");
    }

    private Snapshot read(String ref) throws SourceException {
        return GitSource.read(new SourceSpec(work.toString(), ref, "vms", tmp.resolve("cache"), Credentials.none()));
    }

    @Test
    void defaultIsHead() throws Exception {
        Snapshot snapshot = read(null);

        assertThat(snapshot).isAtCommit(second).hasContent("vms/web.yaml", "version: 2\n");
        assertThat(snapshot.ref()).isEqualTo("HEAD");
    }

    @Test
    void branch() throws Exception {
        Snapshot snapshot = read("feature");

        assertThat(snapshot).isAtCommit(onFeature).hasContent("vms/web.yaml", "version: 3\n");
        assertThat(snapshot.ref()).isEqualTo("feature");
    }

    @Test
    void lightweightTag() throws Exception {
        assertThat(read("light")).isAtCommit(first).hasContent("vms/web.yaml", "version: 1\n");
    }

    @Test
    void annotatedTagIsPeeledToItsCommit() throws Exception {
        String tagObject = git(work, "rev-parse", "release-1");
        assertThat(tagObject).as("the tag is an object of its own").isNotEqualTo(first);

        assertThat(read("release-1")).isAtCommit(first).hasContent("vms/web.yaml", "version: 1\n");
    }

    @Test
    void fullCommitId() throws Exception {
        assertThat(read(first)).isAtCommit(first).hasContent("vms/web.yaml", "version: 1\n");
    }

    @Test
    void abbreviatedCommitIdResolvesToTheFullOne() throws Exception {
        Snapshot snapshot = read(onFeature.substring(0, 8));

        assertThat(snapshot).isAtCommit(onFeature);
        assertThat(snapshot.commitId()).hasSize(40);
        assertThat(snapshot.ref()).isEqualTo(onFeature.substring(0, 8));
    }
}
