package io.nicsync.source;

/**
 * The desired-state commit does not carry a good signature by a trusted key, so nothing may be planned or applied
 * from it. Its own type so that a long-running loop can count refusals; {@link #why()} says which kind.
 */
public final class UntrustedCommitException extends SourceException {

    /** Why the commit was refused. */
    public enum Why {
        /** No signature at all. */
        UNSIGNED,
        /** A signature that is well-formed but by a key the operator does not trust (or trusts no longer). */
        UNTRUSTED_KEY,
        /** A signature that does not verify: the commit was changed after signing, or the signature is corrupt. */
        BAD_SIGNATURE,
        /** A signature of a kind no trusted key was given for (GPG without trusted keys, X.509). */
        UNSUPPORTED_KIND
    }

    private final String commitId;
    private final Why why;
    private final String keyFingerprint;
    private final String signer;

    UntrustedCommitException(String commitId, Why why, String keyFingerprint, String signer, String message) {
        super(Reason.UNTRUSTED_COMMIT, message);
        this.commitId = commitId;
        this.why = why;
        this.keyFingerprint = keyFingerprint;
        this.signer = signer;
    }

    /** The refused commit, 40 hex digits. */
    public String commitId() {
        return commitId;
    }

    public Why why() {
        return why;
    }

    /** The signing key's fingerprint, null when the commit is unsigned or the signature names none. */
    public String keyFingerprint() {
        return keyFingerprint;
    }

    /** Who the signature or the trusted-keys file says signed, null when unknown. */
    public String signer() {
        return signer;
    }
}
