package io.nicsync.source;

/**
 * Who signed a commit whose signature was verified against the keys the operator trusts.
 *
 * @param kind {@code SSH} or {@code GPG}
 * @param keyFingerprint the key's fingerprint, as the verifier gives it
 * @param user the principal (SSH) or user id (GPG) the trusted key is listed under; null when none is known
 */
public record CommitSigner(String kind, String keyFingerprint, String user) {

    /** {@code ada@example.org (SSH key SHA256:qH5Y...)}, or the key alone when no user is known. */
    @Override
    public String toString() {
        String key = kind + " key " + keyFingerprint;
        return user == null || user.isBlank() ? key : user + " (" + key + ")";
    }
}
