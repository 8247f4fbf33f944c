package io.nicsync.source;

import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Chooses what is sent to an HTTPS server: the token if one is set, else the matching line of the git credentials
 * file. Nothing is sent over plain http: a token in clear text is a token given away.
 */
final class HttpsCredentials {

    /** GitHub ignores the user name when the password is a token; GitLab and Gitea accept any non-empty one. */
    static final String TOKEN_USER = "x-access-token";

    /** The user and secret chosen, and the provider that hands them to jgit. */
    record Chosen(CredentialsProvider provider, String secret) {}

    private HttpsCredentials() {}

    static Optional<Chosen> choose(RepoLocation.Remote remote, Credentials credentials) throws SourceException {
        if (!remote.isHttps()) {
            return Optional.empty();
        }
        if (credentials.token() != null) {
            String user = remote.uri().getUser() != null ? remote.uri().getUser() : TOKEN_USER;
            return Optional.of(chosen(user, credentials.token()));
        }
        if (credentials.gitCredentialsFile() != null) {
            return GitCredentialsFile.find(credentials.gitCredentialsFile(), remote.uri())
                    .map(entry -> chosen(entry.user(), entry.secret()));
        }
        return Optional.empty();
    }

    private static Chosen chosen(String user, String secret) {
        return new Chosen(new UsernamePasswordCredentialsProvider(user, secret), secret);
    }
}
