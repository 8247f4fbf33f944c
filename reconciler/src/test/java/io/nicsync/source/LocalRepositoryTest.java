package io.nicsync.source;

import static io.nicsync.source.GitCli.commitAll;
import static io.nicsync.source.GitCli.commitFile;
import static io.nicsync.source.GitCli.git;
import static io.nicsync.source.GitCli.write;
import static io.nicsync.source.SnapshotAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRepositoryTest {

    @TempDir
    Path tmp;

    private SourceSpec spec(Path repo) {
        return SourceSpec.of(repo.toString()).withCacheDir(tmp.resolve("cache")).withCredentials(Credentials.none());
    }

    @Test
    void readsWhatIsCommittedInAWorkingTreeNotTheEditedFiles() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        String commit = commitFile(work, "vms/web.yaml", "name: committed\n");
        write(work, "vms/web.yaml", "name: edited but not committed\n");
        write(work, "vms/untracked.yaml", "name: never added\n");

        Snapshot snapshot = GitSource.read(spec(work));

        assertThat(snapshot).isAtCommit(commit).hasFiles("vms/web.yaml")
                .hasContent("vms/web.yaml", "name: committed\n");
        assertThat(snapshot.author()).isEqualTo("Ada Lovelace <ada@example.org>");
        assertThat(snapshot.commitTime())
                .isEqualTo(Instant.ofEpochSecond(Long.parseLong(git(work, "log", "-1", "--format=%ct"))));
        assertThat(snapshot.ref()).isEqualTo("HEAD");
        assertThat(snapshot.path()).isEmpty();
        assertThat(tmp.resolve("cache")).as("a local repository needs no cache").doesNotExist();
    }

    @Test
    void aDirectoryInsideAWorkingTreeReadsThatTreesCommitFromThatDirectory() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        write(work, "README.md", "docs\n");
        write(work, "examples/desired-state/nicsync.yaml", "kind: Config\n");
        write(work, "examples/desired-state/lab/web.yaml", "name: web\n");
        String commit = commitAll(work, "examples");

        Snapshot whole = GitSource.read(spec(work.resolve("examples/desired-state")));
        Snapshot lab = GitSource.read(spec(work.resolve("examples/desired-state")).withPath("lab"));

        assertThat(whole).isAtCommit(commit)
                .hasFiles("examples/desired-state/lab/web.yaml", "examples/desired-state/nicsync.yaml");
        assertThat(whole.path()).isEqualTo("examples/desired-state");
        assertThat(lab.path()).isEqualTo("examples/desired-state/lab");
        assertThat(lab).hasFiles("examples/desired-state/lab/web.yaml");
    }

    @Test
    void aDirectoryInsideALinkedWorktreeReadsThatWorktreesCommit() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        write(work, "examples/desired-state/nicsync.yaml", "kind: Config\n");
        commitAll(work, "main");
        Path linked = tmp.resolve("linked");
        git(work, "worktree", "add", "-q", "-b", "feature", linked.toString());
        write(linked, "examples/desired-state/nicsync.yaml", "kind: Config # on the branch\n");
        String commit = commitAll(linked, "feature");

        Snapshot snapshot = GitSource.read(spec(linked.resolve("examples/desired-state")));

        assertThat(snapshot).isAtCommit(commit)
                .hasContent("examples/desired-state/nicsync.yaml", "kind: Config # on the branch\n");
        assertThat(snapshot.path()).isEqualTo("examples/desired-state");
    }

    @Test
    void readsABareRepository() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        String commit = commitFile(work, "vms/web.yaml", "name: web\n");
        Path bare = tmp.resolve("bare.git");
        git(tmp, "clone", "-q", "--bare", work.toString(), bare.toString());

        assertThat(GitSource.read(spec(bare))).isAtCommit(commit).hasContent("vms/web.yaml", "name: web\n");
    }

    @Test
    void readsEveryYamlFileUnderThePathRecursivelyWithRootRelativeSortedPaths() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        write(work, "nicsync.yaml", "kind: Config\n");
        write(work, "vms/web.yml", "name: web\n");
        write(work, "vms/db.yaml", "name: db\n");
        write(work, "vms/prod/deep/edge.yaml", "name: edge\n");
        write(work, "vms/README.md", "not yaml\n");
        write(work, "vms/old.yaml.bak", "not yaml either\n");
        write(work, "vms/yaml", "a file named like the suffix\n");
        write(work, "other/elsewhere.yaml", "outside the path\n");
        commitAll(work, "layout");

        assertThat(GitSource.read(spec(work).withPath("vms")))
                .hasFiles("vms/db.yaml", "vms/prod/deep/edge.yaml", "vms/web.yml")
                .hasContent("vms/prod/deep/edge.yaml", "name: edge\n");
        assertThat(GitSource.read(spec(work)))
                .hasFiles("nicsync.yaml", "other/elsewhere.yaml", "vms/db.yaml", "vms/prod/deep/edge.yaml",
                        "vms/web.yml");
    }

    @Test
    void acceptsThePathTheWayPeopleTypeIt() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        write(work, "vms/prod/web.yaml", "name: web\n");
        commitAll(work, "nested");

        Snapshot snapshot = GitSource.read(spec(work).withPath("./vms//prod/"));

        assertThat(snapshot).hasFiles("vms/prod/web.yaml");
        assertThat(snapshot.path()).isEqualTo("vms/prod");
    }

    @Test
    void skipsSymbolicLinksWhoseContentIsNotTheFile() throws Exception {
        Path work = GitCli.init(tmp.resolve("work"));
        write(work, "vms/web.yaml", "name: web\n");
        Files.createSymbolicLink(work.resolve("vms/alias.yaml"), Path.of("web.yaml"));
        commitAll(work, "with a link");

        assertThat(git(work, "ls-files", "-s", "vms/alias.yaml")).startsWith("120000");
        assertThat(GitSource.read(spec(work))).hasFiles("vms/web.yaml");
    }
}
