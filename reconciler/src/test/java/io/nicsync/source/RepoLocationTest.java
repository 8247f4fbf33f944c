package io.nicsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoLocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/srv/nics", "relative/dir", "./nics", "nics", "dir/with:colon"})
    void pathsWithoutSchemeOrScpFormAreLocal(String repo) throws SourceException {
        Path expected = Path.of(repo).toAbsolutePath().normalize();

        assertThat(RepoLocation.parse(repo)).isEqualTo(new RepoLocation.Local(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"git@github.com:infra/nics.git", "host:nics.git", "deploy@10.0.0.1:/srv/git/nics"})
    void scpLikeAddressesAreSsh(String repo) throws SourceException {
        RepoLocation.Remote remote = (RepoLocation.Remote) RepoLocation.parse(repo);

        assertThat(remote.isSsh()).isTrue();
        assertThat(remote.isHttps()).isFalse();
        assertThat(remote.url()).isEqualTo(repo);
    }

    @Test
    void urlsAreRemoteAndTheirDisplayFormHasNoCredentials() throws SourceException {
        var https = (RepoLocation.Remote) RepoLocation.parse("https://bot:hunter2@git.example.org/nics.git");

        assertThat(https.isHttps()).isTrue();
        assertThat(https.isSsh()).isFalse();
        assertThat(https.display()).isEqualTo("https://git.example.org/nics.git");
        assertThat(((RepoLocation.Remote) RepoLocation.parse("ssh://git@host:2222/nics.git")).isSsh()).isTrue();
        assertThat(((RepoLocation.Remote) RepoLocation.parse("file:///srv/nics.git")).isSsh()).isFalse();
    }

    @Test
    void unknownSchemesAreRefused() {
        assertThatThrownBy(() -> RepoLocation.parse("svn://host/repo"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("unsupported repository URL scheme 'svn'");
    }
}
