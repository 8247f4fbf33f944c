package io.nicsync.source;

import static io.nicsync.source.GitCli.commitFile;
import static io.nicsync.source.GitCli.git;
import static io.nicsync.source.SnapshotAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads over HTTPS from git's own smart HTTP server, which lets in only one user and token: the token or the git
 * credentials file gets in, anything else is an authentication error that never shows the secret.
 */
class HttpsSourceIT {

    private static final String USER = "deploy-bot";
    private static final String TOKEN = "glpat-not-a-real-token-4711";

    @TempDir
    static Path shared;

    private static HttpsGitServer server;
    private static SSLSocketFactory previousFactory;
    private static String commit;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        Path root = Files.createDirectories(shared.resolve("repos"));
        Path work = GitCli.init(shared.resolve("work"));
        commit = commitFile(work, "vms/web.yaml", "name: web\n");
        git(root, "clone", "-q", "--bare", work.toString(), root.resolve("nics.git").toString());
        server = HttpsGitServer.start(root, shared, USER, TOKEN);
        // jgit's HTTP transport opens JDK HttpsURLConnections: they must trust this test's self-signed certificate.
        previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(server.clientContext().getSocketFactory());
    }

    @AfterAll
    static void stopServer() {
        if (previousFactory != null) {
            HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
        }
        if (server != null) {
            server.close();
        }
    }

    private SourceSpec spec(String url, Credentials credentials) {
        return new SourceSpec(url, null, "vms", tmp.resolve("cache"), credentials);
    }

    @Test
    void aTokenGetsIn() throws Exception {
        String url = server.url("nics.git").replace("https://", "https://" + USER + "@");

        assertThat(GitSource.read(spec(url, Credentials.none().withToken(TOKEN))))
                .isAtCommit(commit).hasContent("vms/web.yaml", "name: web\n");
        assertThat(server.usersSeen()).contains(USER);
    }

    @Test
    void theMatchingLineOfAGitCredentialsFileGetsIn() throws Exception {
        String url = server.url("nics.git");
        String host = url.substring(0, url.indexOf("/nics.git")).replace("https://", "");
        Path file = Files.writeString(tmp.resolve("git-credentials"), String.join("\n",
                "https://someone:else@git.example.org",
                "https://" + USER + ":" + TOKEN + "@" + host, ""));

        assertThat(GitSource.read(spec(url, Credentials.none().withGitCredentialsFile(file)))).isAtCommit(commit);
    }

    @Test
    void aWrongTokenIsAnAuthenticationErrorThatDoesNotShowIt() {
        SourceException e = catchThrowableOfType(SourceException.class,
                () -> GitSource.read(spec(server.url("nics.git"), Credentials.none().withToken("wrong-token-123"))));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SourceException.Reason.AUTHENTICATION);
        assertThat(e.getMessage()).contains(server.url("nics.git")).doesNotContain("wrong-token-123");
    }

    @Test
    void noCredentialsSaysHowToGiveThem() {
        SourceException e = catchThrowableOfType(SourceException.class,
                () -> GitSource.read(spec(server.url("nics.git"), Credentials.none())));

        assertThat(e.reason()).as(e.getMessage()).isEqualTo(SourceException.Reason.AUTHENTICATION);
        assertThat(e.getMessage()).contains(Credentials.TOKEN_VARIABLE);
    }

    @Test
    void aPasswordInTheUrlWorksButIsWrittenNowhereInTheCache() throws Exception {
        String url = server.url("nics.git").replace("https://", "https://" + USER + ":" + TOKEN + "@");

        assertThat(GitSource.read(spec(url, Credentials.none()))).isAtCommit(commit);
        assertThat(GitSource.read(spec(url, Credentials.none()))).as("and again, fetching").isAtCommit(commit);

        List<Path> cached;
        try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
            cached = files.filter(Files::isRegularFile).toList();
        }
        assertThat(cached).as("the clone's files").anyMatch(file -> file.endsWith("FETCH_HEAD"));
        assertThat(cached).as("cache files containing the password").noneMatch(HttpsSourceIT::mentionsToken);
    }

    @Test
    void theTokenAlsoPushesTheStatusNote() throws Exception {
        String url = server.url("nics.git").replace("https://", "https://" + USER + "@");

        NoteOutcome outcome = GitSource.appendNote(spec(url, Credentials.none().withToken(TOKEN)), commit,
                "nicsync apply: applied");

        assertThat(outcome.ok()).as(String.valueOf(outcome.warning())).isTrue();
        assertThat(git(shared.resolve("repos/nics.git"), "notes", "--ref=nicsync", "show", commit))
                .isEqualTo("nicsync apply: applied");
    }

    private static boolean mentionsToken(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(TOKEN);
        } catch (NoSuchFileException gone) {
            return false; // a lock file that existed while the directory was listed
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
