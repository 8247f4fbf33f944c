package io.nicsync.source;

import java.nio.file.Path;

/**
 * How to authenticate to a remote repository. Every part is optional; secrets themselves never live in the
 * repository or in a message.
 *
 * @param token an HTTPS access token (GitHub, GitLab, Gitea); sent only over https
 * @param gitCredentialsFile a file in git's credential-store format, one {@code https://user:secret@host[/path]} per
 *     line; consulted when no token is given
 * @param sshKey an unencrypted private key for ssh; null = the usual files in {@code ~/.ssh}
 * @param knownHosts the known_hosts file the SSH server's key must be in; null = {@code ~/.ssh/known_hosts}
 */
public record Credentials(String token, Path gitCredentialsFile, Path sshKey, Path knownHosts) {

    /** The environment variable an HTTPS token is read from by {@link #fromEnvironment()}. */
    public static final String TOKEN_VARIABLE = "NICSYNC_GIT_TOKEN";

    public Credentials {
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    public static Credentials none() {
        return new Credentials(null, null, null, null);
    }

    /** No files, and the token from {@value #TOKEN_VARIABLE} if it is set. */
    public static Credentials fromEnvironment() {
        return new Credentials(System.getenv(TOKEN_VARIABLE), null, null, null);
    }

    public Credentials withToken(String newToken) {
        return new Credentials(newToken, gitCredentialsFile, sshKey, knownHosts);
    }

    public Credentials withGitCredentialsFile(Path file) {
        return new Credentials(token, file, sshKey, knownHosts);
    }

    public Credentials withSshKey(Path key) {
        return new Credentials(token, gitCredentialsFile, key, knownHosts);
    }

    public Credentials withKnownHosts(Path file) {
        return new Credentials(token, gitCredentialsFile, sshKey, file);
    }

    /** Never shows the token: records print every component by default, and these end up in logs. */
    @Override
    public String toString() {
        return "Credentials[token=" + (token == null ? "none" : "***") + ", gitCredentialsFile=" + gitCredentialsFile
                + ", sshKey=" + sshKey + ", knownHosts=" + knownHosts + "]";
    }
}
