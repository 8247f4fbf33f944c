package io.nicsync.reconcile;

/** The head commit is not trusted (unsigned, or signed by a key that is not allowed): nothing is applied. */
public final class UntrustedCommitException extends Exception {
    public UntrustedCommitException(String message) {
        super(message);
    }

    public UntrustedCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
