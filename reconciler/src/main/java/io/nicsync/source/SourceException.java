package io.nicsync.source;

/**
 * The desired state could not be read from Git. The message is one line, names what was asked for and never
 * contains a secret (tokens, passwords); {@link #reason()} is what callers branch on, never the message.
 */
public sealed class SourceException extends Exception permits UntrustedCommitException {

    /** Why reading failed; the CLI maps these to exit codes and the loop to status. */
    public enum Reason {
        /** A local path that does not exist, or a URL that names no repository. */
        NOT_FOUND,
        /** A directory that exists but holds no git repository. */
        NOT_A_REPOSITORY,
        /** The server could not be reached: unknown host, connection refused, timeout. */
        UNREACHABLE,
        /** The server refused the credentials, or none were given. */
        AUTHENTICATION,
        /** The SSH server's host key is unknown or does not match known_hosts. */
        HOST_KEY,
        /** The ref names no branch, tag or commit. */
        REF_NOT_FOUND,
        /** The path is not a directory in that commit. */
        PATH_NOT_FOUND,
        /** The commit is not signed by a key the operator trusts ({@link UntrustedCommitException}). */
        UNTRUSTED_COMMIT,
        /** The desired state has more files or bytes than {@link SourceLimits} allow: nothing of it was loaded. */
        TOO_LARGE,
        /** A fetch or clone took longer than {@link SourceLimits#fetchTimeout()} and was cut. */
        TIMEOUT,
        /** Anything else: a corrupt repository, a full disk, an unexpected server answer. */
        IO
    }

    private final Reason reason;

    SourceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    SourceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
