package io.nicsync.plugin.ovirt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates the engine's may chain to: those of the {@code caFile} (the engine's own CA, which signs its
 * web server's certificate), or the JDK's authorities. The host name is checked against the certificate as well
 * ({@link EngineClient}); nothing here can trust a server without checking.
 */
final class EngineTrust {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private EngineTrust() {
    }

    /**
     * @param caFile PEM certificates to trust, or null for the JDK's authorities
     * @throws IllegalArgumentException the file cannot be read or holds no certificate
     */
    static SSLContext context(Path caFile) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(caFile == null ? null : store(caFile));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static KeyStore store(Path caFile) throws GeneralSecurityException {
        String pem;
        try {
            pem = Files.readString(caFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(EngineSettings.CA_FILE + " " + caFile + " cannot be read: "
                    + e.getMessage(), e);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot make an empty key store", e);
        }
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Matcher m = PEM.matcher(pem);
        int n = 0;
        while (m.find()) {
            Certificate certificate;
            try {
                certificate = x509.generateCertificate(new ByteArrayInputStream(
                        Base64.getMimeDecoder().decode(m.group(1))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException(EngineSettings.CA_FILE + " " + caFile
                        + " holds a certificate that cannot be read: " + e.getMessage(), e);
            }
            store.setCertificateEntry("ca-" + n++, certificate);
        }
        if (n == 0) {
            throw new IllegalArgumentException(EngineSettings.CA_FILE + " " + caFile + " holds no PEM certificate");
        }
        return store;
    }
}
