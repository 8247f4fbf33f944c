package io.nicsync.source;

import java.nio.file.Path;

/**
 * Which signatures a desired-state commit must carry before anything is planned or applied from it. It comes from
 * the operator (command-line options, the deployment), never from the repository: whoever can push must not be able
 * to switch the check off.
 *
 * <p>Giving either file means the commit must carry a good signature by a key that file trusts; a commit signed
 * the other way, or not at all, is refused with an {@link UntrustedCommitException}.
 *
 * @param allowedSigners an SSH allowed-signers file in git's format ({@code gpg.ssh.allowedSignersFile}:
 *     {@code principals [options] keytype base64-key} a line); null = SSH signatures are not accepted
 * @param trustedGpgKeys a file of ASCII-armored OpenPGP public keys ({@code gpg --armor --export KEY...});
 *     null = GPG signatures are not accepted
 */
public record SignaturePolicy(Path allowedSigners, Path trustedGpgKeys) {

    /** Unsigned commits are read as they are. */
    public static final SignaturePolicy NONE = new SignaturePolicy(null, null);

    public SignaturePolicy {
        allowedSigners = allowedSigners == null ? null : allowedSigners.toAbsolutePath().normalize();
        trustedGpgKeys = trustedGpgKeys == null ? null : trustedGpgKeys.toAbsolutePath().normalize();
    }

    /** Whether commits must be signed at all. */
    public boolean required() {
        return allowedSigners != null || trustedGpgKeys != null;
    }
}
