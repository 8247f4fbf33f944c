package io.nicsync.source;

import static io.nicsync.source.GitCli.commitFile;
import static io.nicsync.source.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceErrorsTest {

    @TempDir
    Path tmp;

    private SourceException failure(String repo, String ref, String path) {
        return failure(new SourceSpec(repo, ref, path, tmp.resolve("cache"), Credentials.none()));
    }

    private static SourceException failure(SourceSpec spec) {
        return catchThrowableOfType(SourceException.class, () -> GitSource.read(spec));
    }

    private Path repoWithOneFile() {
        Path work = GitCli.init(tmp.resolve("work"));
        commitFile(work, "vms/web.yaml", "name: web\n");
        return work;
    }

    @Test
    void aMissingRefIsNamedWithTheRefsThatExist() {
        Path work = repoWithOneFile();
        git(work, "branch", "develop");
        git(work, "tag", "v1");

        SourceException e = failure(work.toString(), "relase-2", null);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.REF_NOT_FOUND);
        assertThat(e.getMessage()).contains("'relase-2'").contains(work.toString())
                .endsWith("existing branches and tags: develop, main, v1");
    }

    @Test
    void theListOfExistingRefsStopsAtFive() {
        Path work = repoWithOneFile();
        for (String branch : new String[] {"b1", "b2", "b3", "b4", "b5", "b6"}) {
            git(work, "branch", branch);
        }

        assertThat(failure(work.toString(), "nope", null).getMessage())
                .endsWith("existing branches and tags: b1, b2, b3, b4, b5 (and 2 more)");
    }

    @Test
    void aMissingRefOfARemoteIsReportedTheSameWay() {
        Path work = repoWithOneFile();
        Path origin = tmp.resolve("origin.git");
        git(tmp, "clone", "-q", "--bare", work.toString(), origin.toString());

        SourceException e = failure(origin.toUri().toString(), "nope", null);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.REF_NOT_FOUND);
        assertThat(e.getMessage()).contains("'nope'").endsWith("existing branches and tags: main");
    }

    @Test
    void aMissingPathIsNamed() {
        Path work = repoWithOneFile();

        SourceException e = failure(work.toString(), null, "clusters/lab");

        assertThat(e.reason()).isEqualTo(SourceException.Reason.PATH_NOT_FOUND);
        assertThat(e.getMessage()).contains("'clusters/lab'").contains("does not exist");
    }

    @Test
    void aPathThatIsAFileIsNotADirectory() {
        Path work = repoWithOneFile();

        SourceException e = failure(work.toString(), null, "vms/web.yaml");

        assertThat(e.reason()).isEqualTo(SourceException.Reason.PATH_NOT_FOUND);
        assertThat(e.getMessage()).contains("'vms/web.yaml' is a file");
    }

    @Test
    void aNonexistentDirectory() {
        Path missing = tmp.resolve("no-such-dir");

        SourceException e = failure(missing.toString(), null, null);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void aDirectoryThatIsNoRepository() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("web.yaml"), "name: web\n");

        SourceException e = failure(plain.toString(), null, null);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_A_REPOSITORY);
        assertThat(e.getMessage()).startsWith("not a git repository: " + plain);
    }

    @Test
    void anEmptyRepositoryHasNoHead() {
        Path empty = GitCli.init(tmp.resolve("empty"));

        SourceException e = failure(empty.toString(), null, null);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.REF_NOT_FOUND);
        assertThat(e.getMessage()).contains("no commit on HEAD");
    }

    @Test
    void aFileUrlWithoutRepositoryLeavesNothingInTheCache() {
        String url = tmp.resolve("nowhere.git").toUri().toString();

        SourceException e = failure(url, null, null);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains(url);
        assertThat(tmp.resolve("cache").toFile().list()).isNullOrEmpty();
    }

    @Test
    void anUnreachableServerIsSaidSoWithoutLeakingSecrets() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "https://deploy:url-password@127.0.0.1:" + closedPort + "/infra/nics.git";
        SourceSpec spec = new SourceSpec(url, null, null, tmp.resolve("cache"),
                Credentials.none().withToken("token-from-env"));

        SourceException e = failure(spec);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).doesNotContain("url-password")
                .doesNotContain("token-from-env").doesNotContain("\n");
    }

    @Test
    void anUnsupportedSchemeIsRefusedBeforeAnyNetworkUse() {
        SourceException e = failure("ftp://127.0.0.1/repo.git", null, null);

        assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("unsupported repository URL scheme 'ftp'");
    }
}
