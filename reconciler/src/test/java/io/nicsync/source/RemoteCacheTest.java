package io.nicsync.source;

import static io.nicsync.source.GitCli.commitFile;
import static io.nicsync.source.GitCli.git;
import static io.nicsync.source.SnapshotAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A "server" bare repository reached over file://, pushed to by a separate working tree, as people do. */
class RemoteCacheTest {

    @TempDir
    Path tmp;

    private Path origin;
    private Path work;
    private Path cache;

    @BeforeEach
    void server() {
        origin = GitCli.initBare(tmp.resolve("origin.git"));
        work = GitCli.init(tmp.resolve("work"));
        git(work, "remote", "add", "origin", origin.toString());
        cache = tmp.resolve("cache");
    }

    private SourceSpec spec() {
        return new SourceSpec(origin.toUri().toString(), null, null, cache, Credentials.none());
    }

    private String push(String relative, String content) {
        String commit = commitFile(work, relative, content);
        git(work, "push", "-q", "origin", "HEAD");
        return commit;
    }

    private List<Path> cacheEntries() throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.toList();
        }
    }

    @Test
    void clonesBareIntoOneCacheDirectoryNamedAfterTheUrl() throws Exception {
        String commit = push("vms/web.yaml", "name: web\n");

        assertThat(GitSource.read(spec())).isAtCommit(commit).hasContent("vms/web.yaml", "name: web\n");

        assertThat(cacheEntries()).hasSize(1);
        Path clone = cacheEntries().get(0);
        assertThat(clone.getFileName().toString()).contains("origin.git").matches(".*-[0-9a-f]{16}\\.git");
        assertThat(git(clone, "rev-parse", "--is-bare-repository")).isEqualTo("true");
        assertThat(clone.resolve("vms")).as("no checkout").doesNotExist();
        assertThat(git(clone, "config", "gc.autoDetach")).as("no gc thread outliving a read").isEqualTo("false");
    }

    @Test
    void aSecondReadAfterAPushSeesTheNewCommitInTheSameClone() throws Exception {
        push("vms/web.yaml", "name: web\n");
        GitSource.read(spec());
        Path clone = cacheEntries().get(0);
        Path marker = Files.writeString(clone.resolve("nicsync-test-marker"), "a re-clone would remove this");

        String second = push("vms/web.yaml", "name: web-renamed\n");
        Snapshot snapshot = GitSource.read(spec());

        assertThat(snapshot).isAtCommit(second).hasContent("vms/web.yaml", "name: web-renamed\n");
        assertThat(cacheEntries()).containsExactly(clone);
        assertThat(marker).exists();
    }

    @Test
    void anOpenSourceFetchesOnEveryReadAndKeepsTheSnapshotWhileTheCommitStays() throws Exception {
        String first = push("vms/web.yaml", "name: web\n");
        try (GitSource source = GitSource.open(spec())) {
            Snapshot before = source.read();
            assertThat(before).isAtCommit(first);
            assertThat(source.read()).as("nothing pushed").isSameAs(before);

            String second = push("vms/db.yaml", "name: db\n");
            Snapshot after = source.read();

            assertThat(after).isAtCommit(second).hasFiles("vms/db.yaml", "vms/web.yaml");
            assertThat(after.files().get(1).content()).as("unchanged blob reused").isSameAs(
                    before.files().get(0).content());
        }
    }

    @Test
    void theDefaultRefFollowsTheRemotesHead() throws Exception {
        String onMain = push("vms/web.yaml", "branch: main\n");
        git(work, "checkout", "-q", "-b", "trunk");
        String onTrunk = push("vms/web.yaml", "branch: trunk\n");
        git(origin, "symbolic-ref", "HEAD", "refs/heads/trunk");

        assertThat(GitSource.read(spec())).isAtCommit(onTrunk);

        git(origin, "symbolic-ref", "HEAD", "refs/heads/main");
        assertThat(GitSource.read(spec())).isAtCommit(onMain);
    }

    @Test
    void readsBranchesAndTagsOfTheRemote() throws Exception {
        String tagged = push("vms/web.yaml", "version: 1\n");
        git(work, "tag", "-a", "-m", "first", "v1");
        git(work, "push", "-q", "origin", "v1");
        push("vms/web.yaml", "version: 2\n");

        assertThat(GitSource.read(spec().withRef("v1"))).isAtCommit(tagged);
        assertThat(GitSource.read(spec().withRef(tagged.substring(0, 10)))).isAtCommit(tagged);
    }

    @Test
    void branchesDeletedOnTheRemoteDisappearFromTheCache() throws Exception {
        push("vms/web.yaml", "name: web\n");
        git(work, "push", "-q", "origin", "HEAD:refs/heads/short-lived");
        assertThat(GitSource.read(spec().withRef("short-lived")).files()).hasSize(1);

        git(work, "push", "-q", "origin", "--delete", "short-lived");

        assertThatThrownBy(() -> GitSource.read(spec().withRef("short-lived")))
                .isInstanceOfSatisfying(SourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SourceException.Reason.REF_NOT_FOUND));
    }

    @Test
    void aForcePushReplacesTheBranch() throws Exception {
        push("vms/web.yaml", "name: web\n");
        GitSource.read(spec());
        git(work, "commit", "-q", "--amend", "-m", "rewritten");
        String rewritten = git(work, "rev-parse", "HEAD");
        git(work, "push", "-q", "--force", "origin", "HEAD");

        assertThat(GitSource.read(spec())).isAtCommit(rewritten);
    }
}
