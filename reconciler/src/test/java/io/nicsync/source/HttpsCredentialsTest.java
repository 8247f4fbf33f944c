package io.nicsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsCredentialsTest {

    @TempDir
    Path tmp;

    private static RepoLocation.Remote remote(String url) throws SourceException {
        return (RepoLocation.Remote) RepoLocation.parse(url);
    }

    /** What jgit would send: asks the provider the way jgit's HTTP transport does. */
    private static String sent(Optional<HttpsCredentials.Chosen> chosen, String url) throws Exception {
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        chosen.orElseThrow().provider().get(new URIish(url), user, password);
        return user.getValue() + ":" + new String(password.getValue());
    }

    private Path credentialsFile(String... lines) throws Exception {
        return Files.writeString(tmp.resolve("git-credentials"), String.join("\n", lines) + "\n");
    }

    @Test
    void aTokenIsSentWithAPlaceholderUserOrTheUrlsUser() throws Exception {
        String url = "https://git.example.org/nics.git";
        Credentials token = Credentials.none().withToken("tok-1");

        assertThat(sent(HttpsCredentials.choose(remote(url), token), url)).isEqualTo("x-access-token:tok-1");
        String withUser = "https://deploy@git.example.org/nics.git";
        assertThat(sent(HttpsCredentials.choose(remote(withUser), token), withUser)).isEqualTo("deploy:tok-1");
    }

    @Test
    void nothingIsSentOverPlainHttpOrSsh() throws Exception {
        Credentials token = Credentials.none().withToken("tok-1");

        assertThat(HttpsCredentials.choose(remote("http://git.example.org/nics.git"), token)).isEmpty();
        assertThat(HttpsCredentials.choose(remote("ssh://git@git.example.org/nics.git"), token)).isEmpty();
    }

    @Test
    void theFirstMatchingLineOfTheCredentialsFileWins() throws Exception {
        Path file = credentialsFile(
                "https://other:nope@elsewhere.example.org",
                "https://ops:s%40cret@git.example.org:8443",
                "https://scoped:scoped-secret@git.example.org/infra",
                "https://bot:bot-secret@git.example.org");
        Credentials fromFile = Credentials.none().withGitCredentialsFile(file);

        String infra = "https://git.example.org/infra/nics.git";
        assertThat(sent(HttpsCredentials.choose(remote(infra), fromFile), infra)).isEqualTo("scoped:scoped-secret");
        String other = "https://git.example.org/apps/nics.git";
        assertThat(sent(HttpsCredentials.choose(remote(other), fromFile), other)).isEqualTo("bot:bot-secret");
        String port = "https://git.example.org:8443/nics.git";
        assertThat(sent(HttpsCredentials.choose(remote(port), fromFile), port)).isEqualTo("ops:s@cret");
        assertThat(HttpsCredentials.choose(remote("https://unknown.example.org/nics.git"), fromFile)).isEmpty();
    }

    @Test
    void aUserInTheUrlSelectsThatUsersLine() throws Exception {
        Path file = credentialsFile("https://alice:a-secret@git.example.org", "https://bob:b-secret@git.example.org");
        String url = "https://bob@git.example.org/nics.git";

        assertThat(sent(HttpsCredentials.choose(remote(url), Credentials.none().withGitCredentialsFile(file)), url))
                .isEqualTo("bob:b-secret");
    }

    @Test
    void aMissingCredentialsFileIsAnAuthenticationError() {
        Credentials missing = Credentials.none().withGitCredentialsFile(tmp.resolve("absent"));

        assertThatThrownBy(() -> HttpsCredentials.choose(remote("https://git.example.org/nics.git"), missing))
                .isInstanceOfSatisfying(SourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SourceException.Reason.AUTHENTICATION))
                .hasMessageContaining("git credentials file not found");
    }

    @Test
    void credentialsNeverPrintTheirToken() {
        assertThat(Credentials.none().withToken("tok-secret").toString()).doesNotContain("tok-secret").contains("***");
    }
}
