package io.nicsync.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureException;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureProcessor;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.OpenPGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;

/**
 * Verifies OpenPGP commit signatures against the public keys in one file, and only those. jgit's own GPG verifier
 * looks keys up in the process's GnuPG home (chosen once per JVM) and takes any key found there; an operator's list
 * of trusted keys needs the key set given here instead. The cryptography, key validity and expiry are Bouncy
 * Castle's.
 */
final class TrustedGpgKeys implements SignatureVerifier {

    private static final String NAME = "gpg";

    private final Path keysFile;

    TrustedGpgKeys(Path keysFile) {
        this.keysFile = keysFile;
    }

    /**
     * @return verified with trust FULL for a good signature by a trusted key; unverified with trust UNKNOWN when no
     *     trusted key made it; unverified with trust NEVER when a trusted key's signature does not verify
     */
    @Override
    public SignatureVerification verify(Repository repository, GpgConfig config, byte[] data, byte[] signature)
            throws IOException {
        List<OpenPGPCertificate> trusted = trustedKeys();
        PGPSignatureList signatures;
        try {
            signatures = read(signature);
        } catch (IOException | RuntimeException e) {
            return new SignatureVerification(NAME, null, null, null, null, false, false, TrustLevel.NEVER,
                    "the signature cannot be read: " + e.getMessage());
        }
        List<PGPSignature> byTrustedKeys = new ArrayList<>();
        for (PGPSignature candidate : signatures) {
            KeyIdentifier issuer = issuer(candidate);
            if (issuer != null && trusted.stream().anyMatch(c -> c.getKey(issuer) != null)) {
                byTrustedKeys.add(candidate);
            }
        }
        if (byTrustedKeys.isEmpty()) {
            String named = signatures.isEmpty() ? null : display(issuer(signatures.get(0)));
            return unverified(named, null, TrustLevel.UNKNOWN);
        }
        return check(byTrustedKeys, trusted, data);
    }

    /** Bouncy Castle's verdict on signatures by trusted keys: good if any of them is. */
    private static SignatureVerification check(List<PGPSignature> signatures, List<OpenPGPCertificate> trusted,
            byte[] data) throws IOException {
        OpenPGPDetachedSignatureProcessor processor = new OpenPGPDetachedSignatureProcessor();
        signatures.forEach(processor::addSignature);
        trusted.forEach(processor::addVerificationCertificate);
        List<OpenPGPDocumentSignature> checked = processor.process(new ByteArrayInputStream(data));
        for (OpenPGPDocumentSignature candidate : checked) {
            if (valid(candidate)) {
                return new SignatureVerification(NAME, candidate.getCreationTime(), userOf(candidate),
                        fingerprintOf(candidate), userOf(candidate), true, false, TrustLevel.FULL, null);
            }
        }
        if (checked.isEmpty()) {
            return unverified(display(issuer(signatures.get(0))), null, TrustLevel.NEVER);
        }
        return unverified(fingerprintOf(checked.get(0)), userOf(checked.get(0)), TrustLevel.NEVER);
    }

    /** Read on every verification, so that an operator's edit counts at once. */
    private List<OpenPGPCertificate> trustedKeys() throws IOException {
        List<OpenPGPCertificate> trusted = new OpenPGPKeyReader().parseCertificates(Files.readAllBytes(keysFile));
        if (trusted.isEmpty()) {
            throw new IOException("no OpenPGP public key in " + keysFile);
        }
        return trusted;
    }

    private static PGPSignatureList read(byte[] signature) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
            Object object = new BcPGPObjectFactory(in).nextObject();
            if (object instanceof PGPSignatureList list) {
                return list;
            }
            throw new IOException("the signature is not an OpenPGP signature");
        }
    }

    private static KeyIdentifier issuer(PGPSignature signature) {
        return OpenPGPSignature.getMostExpressiveIdentifier(signature.getKeyIdentifiers());
    }

    /** A fingerprint as gpg prints it, or a long key id when the signature names no fingerprint. */
    private static String display(KeyIdentifier id) {
        if (id == null) {
            return null;
        }
        return id.getFingerprint() != null ? HexFormat.of().withUpperCase().formatHex(id.getFingerprint())
                : String.format("%016X", id.getKeyId());
    }

    private static boolean valid(OpenPGPDocumentSignature signature) {
        try {
            return signature.isValid();
        } catch (PGPSignatureException e) {
            return false;
        }
    }

    private static SignatureVerification unverified(String fingerprint, String user, TrustLevel trust) {
        return new SignatureVerification(NAME, null, user, fingerprint, user, false, false, trust, null);
    }

    private static String fingerprintOf(OpenPGPDocumentSignature signature) {
        return HexFormat.of().withUpperCase().formatHex(signature.getIssuer().getPGPPublicKey().getFingerprint());
    }

    private static String userOf(OpenPGPDocumentSignature signature) {
        OpenPGPCertificate.OpenPGPUserId user = signature.getIssuerCertificate().getPrimaryUserId();
        return user == null ? null : user.getUserId();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void clear() {
        // Nothing cached: see trustedKeys().
    }
}
