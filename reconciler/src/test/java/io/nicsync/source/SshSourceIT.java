package io.nicsync.source;

import static io.nicsync.source.GitCli.commitFile;
import static io.nicsync.source.GitCli.git;
import static io.nicsync.source.SnapshotAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads over ssh from a real OpenSSH server on loopback (scripts/test-prereqs.d/git-ssh.sh installs it): key
 * authentication works with the right known_hosts, and any doubt about the server's identity refuses the connection.
 */
class SshSourceIT {

    @TempDir
    static Path shared;

    private static SshServer server;
    private static Path clientKey;
    private static Path origin;
    private static Path work;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        // A missing sshd fails the suite rather than skipping it: scripts/test.sh installs it.
        assertThat(SshServer.missingPrerequisites())
                .as("needs OpenSSH's sshd: run scripts/test-prereqs.d/git-ssh.sh").isEmpty();
        Path sshDir = Files.createDirectories(shared.resolve("sshd"));
        clientKey = SshServer.generateKey(shared.resolve("client_ed25519"));
        server = SshServer.start(sshDir, Path.of(clientKey + ".pub"));
        origin = GitCli.initBare(shared.resolve("repos/nics.git"));
        work = GitCli.init(shared.resolve("work"));
        git(work, "remote", "add", "origin", origin.toString());
        push("vms/web.yaml", "name: web\n");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String push(String relative, String content) {
        String commit = commitFile(work, relative, content);
        git(work, "push", "-q", "origin", "HEAD");
        return commit;
    }

    private String url() {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + server.port() + origin;
    }

    private SourceSpec spec(Path key, Path knownHosts) {
        return new SourceSpec(url(), null, "vms", tmp.resolve("cache"),
                Credentials.none().withSshKey(key).withKnownHosts(knownHosts));
    }

    private Path knownHosts(Path hostPublicKey) throws Exception {
        return Files.writeString(tmp.resolve("known_hosts"), server.knownHostsLine(hostPublicKey));
    }

    @Test
    void readsAndFetchesWithTheRightKeyAndKnownHosts() throws Exception {
        String first = git(work, "rev-parse", "HEAD");
        try (GitSource source = GitSource.open(spec(clientKey, knownHosts(server.hostPublicKey())))) {
            assertThat(source.read()).isAtCommit(first).hasContent("vms/web.yaml", "name: web\n");

            String second = push("vms/db.yaml", "name: db\n");

            assertThat(source.read()).isAtCommit(second).hasFiles("vms/db.yaml", "vms/web.yaml");
        }
        assertThat(server.log()).contains("Accepted publickey");
    }

    @Test
    void acceptsAHashedKnownHostsEntryAsOpenSshWritesThem() throws Exception {
        Path knownHosts = knownHosts(server.hostPublicKey());
        hashKnownHosts(knownHosts);
        assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");

        assertThat(GitSource.read(spec(clientKey, knownHosts))).isAtCommit(git(work, "rev-parse", "HEAD"));
    }

    private static void hashKnownHosts(Path knownHosts) throws Exception {
        Process process = new ProcessBuilder("ssh-keygen", "-q", "-H", "-f", knownHosts.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    @Test
    void refusesAServerWhoseKeyDoesNotMatchKnownHosts() throws Exception {
        Path impostor = SshServer.generateKey(tmp.resolve("impostor_ed25519"));

        SourceException e = catchThrowableOfType(SourceException.class,
                () -> GitSource.read(spec(clientKey, knownHosts(Path.of(impostor + ".pub")))));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SourceException.Reason.HOST_KEY);
        assertThat(e.getMessage()).contains("127.0.0.1:" + server.port()).contains("does not match");
        assertThat(tmp.resolve("cache").toFile().list()).as("nothing cloned").isNullOrEmpty();
    }

    @Test
    void refusesAServerThatIsNotInKnownHosts() throws Exception {
        Path empty = Files.writeString(tmp.resolve("known_hosts"), "");

        SourceException e = catchThrowableOfType(SourceException.class,
                () -> GitSource.read(spec(clientKey, empty)));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SourceException.Reason.HOST_KEY);
        assertThat(e.getMessage()).contains("is not in " + empty);
        assertThat(Files.readString(empty)).as("never learns a key").isEmpty();
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsAuthentication() throws Exception {
        Path stranger = SshServer.generateKey(tmp.resolve("stranger_ed25519"));

        SourceException e = catchThrowableOfType(SourceException.class,
                () -> GitSource.read(spec(stranger, knownHosts(server.hostPublicKey()))));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SourceException.Reason.AUTHENTICATION);
        assertThat(e.getMessage()).contains(url()).doesNotContain("PRIVATE KEY");
    }
}
