package io.nicsync.source;

import io.nicsync.source.UntrustedCommitException.Why;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgConfig.GpgFormat;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.lib.SignatureVerifier.TrustLevel;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.signing.ssh.SshSignatureVerifierFactory;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Checks that a commit carries a good signature by a key a {@link SignaturePolicy} trusts. SSH signatures are
 * verified by jgit against the allowed-signers file, GPG ones by {@link TrustedGpgKeys}. The verifier's settings are
 * built from the policy alone: the repository's own config ({@code gpg.*}) is never consulted.
 */
final class CommitSignatures {

    private static final SignatureVerifier SSH = new SshSignatureVerifierFactory().create();
    private static final byte[] SIGNATURE_HEADER = {'g', 'p', 'g', 's', 'i', 'g'};

    private CommitSignatures() {}

    /**
     * Returns when the policy needs no signature (null) or the commit has a good one (who signed it); throws
     * otherwise.
     */
    static CommitSigner require(SignaturePolicy policy, Repository repository, RevCommit commit)
            throws SourceException {
        if (!policy.required()) {
            return null;
        }
        String commitId = commit.name();
        byte[] signature = commit.getRawGpgSignature();
        if (signature == null) {
            throw new UntrustedCommitException(commitId, Why.UNSIGNED, null, null,
                    "commit " + abbreviated(commitId) + " is not signed; " + accepted(policy));
        }
        GpgFormat format = SignatureVerifiers.getFormat(signature);
        Path trustFile = format == GpgFormat.SSH ? policy.allowedSigners()
                : format == GpgFormat.OPENPGP ? policy.trustedGpgKeys() : null;
        if (trustFile == null) {
            throw new UntrustedCommitException(commitId, Why.UNSUPPORTED_KIND, null, null, "commit "
                    + abbreviated(commitId) + " has " + kind(format) + " signature; " + accepted(policy));
        }
        requireReadable(trustFile);
        SignatureVerification verification;
        try {
            SignatureVerifier verifier = format == GpgFormat.SSH ? SSH : new TrustedGpgKeys(trustFile);
            verification = verifier.verify(repository, settings(policy), signedPart(commit), signature);
        } catch (IOException | RuntimeException e) {
            throw new SourceException(SourceException.Reason.IO, "cannot verify the signature of commit "
                    + abbreviated(commitId) + " with " + trustFile + ": " + e.getMessage(), e);
        }
        if (!verification.verified()) {
            throw refused(commitId, format, trustFile, verification);
        }
        return new CommitSigner(kindName(format), verification.keyFingerprint(), verification.keyUser());
    }

    private static UntrustedCommitException refused(String commitId, GpgFormat format, Path trustFile,
            SignatureVerification verification) {
        String key = kindName(format) + " key " + orUnknown(verification.keyFingerprint())
                + (verification.keyUser() == null ? "" : " (" + verification.keyUser() + ")");
        String detail = verification.message() == null ? "" : ": " + verification.message();
        if (verification.trustLevel() == TrustLevel.UNKNOWN || verification.expired()) {
            String why = verification.expired() ? ", which " + trustFile + " no longer trusts" + detail
                    : ", which is not in " + trustFile; // jgit's detail here names a git setting nobody set
            return new UntrustedCommitException(commitId, Why.UNTRUSTED_KEY, verification.keyFingerprint(),
                    verification.keyUser(), "commit " + abbreviated(commitId) + " is signed by " + key + why);
        }
        return new UntrustedCommitException(commitId, Why.BAD_SIGNATURE, verification.keyFingerprint(),
                verification.keyUser(), "commit " + abbreviated(commitId) + " has a bad signature by " + key
                        + ": it does not match the commit's content" + detail);
    }

    /** jgit's settings for the SSH verifier, from the policy alone. */
    private static GpgConfig settings(SignaturePolicy policy) {
        Config config = new Config();
        if (policy.allowedSigners() != null) {
            config.setString(ConfigConstants.CONFIG_GPG_SECTION, ConfigConstants.CONFIG_SSH_SUBSECTION,
                    ConfigConstants.CONFIG_KEY_SSH_ALLOWED_SIGNERS_FILE, policy.allowedSigners().toString());
        }
        return new GpgConfig(config);
    }

    /** The commit as it was signed: its raw text without the signature header (git's own rule). */
    private static byte[] signedPart(RevCommit commit) {
        byte[] raw = commit.getRawBuffer();
        int start = RawParseUtils.headerStart(SIGNATURE_HEADER, raw, 0);
        int end = RawParseUtils.nextLfSkippingSplitLines(raw, start);
        start -= SIGNATURE_HEADER.length + 1; // back to the header's name
        if (end < raw.length) {
            end++; // and its terminating newline
        }
        byte[] signed = new byte[raw.length - (end - start)];
        System.arraycopy(raw, 0, signed, 0, start);
        System.arraycopy(raw, end, signed, start, raw.length - end);
        return signed;
    }

    private static void requireReadable(Path trustFile) throws SourceException {
        if (!Files.isReadable(trustFile)) {
            throw new SourceException(SourceException.Reason.IO, "cannot read " + trustFile
                    + ", which lists the keys desired-state commits must be signed with");
        }
    }

    private static String accepted(SignaturePolicy policy) {
        StringBuilder text = new StringBuilder("a signature by a key in ");
        if (policy.allowedSigners() != null) {
            text.append(policy.allowedSigners()).append(" (SSH)");
        }
        if (policy.trustedGpgKeys() != null) {
            text.append(policy.allowedSigners() != null ? " or " : "").append(policy.trustedGpgKeys()).append(" (GPG)");
        }
        return text.append(" is required").toString();
    }

    private static String kind(GpgFormat format) {
        return format == null ? "an unknown kind of" : format == GpgFormat.X509 ? "an X.509" : "a " + kindName(format);
    }

    private static String kindName(GpgFormat format) {
        return format == GpgFormat.SSH ? "SSH" : format == GpgFormat.OPENPGP ? "GPG" : String.valueOf(format);
    }

    private static String orUnknown(String fingerprint) {
        return fingerprint == null ? "(unknown)" : fingerprint;
    }

    private static String abbreviated(String commitId) {
        return commitId.substring(0, 12);
    }
}
