package io.nicsync.plugin.ganeti;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How the RAPI server's certificate is checked; there is no way to turn the check off.
 *
 * <ul>
 *   <li>The chain must lead to one of {@code authorities} (the {@code caFile}; Ganeti's certificate is
 *       self-signed, so the file holds that certificate itself), or to the JDK's default authorities when no file
 *       is given and nothing is pinned.</li>
 *   <li>With a pinned SHA-256 fingerprint the server's own certificate must be exactly that one, and valid today.</li>
 *   <li>The certificate must name {@code expectedName}. Ganeti 3.0 writes {@code CN=ganeti.example.com} into every
 *       certificate it makes, whatever the cluster is called, and no subject alternative name: a client that
 *       checks the URL's host name (the JDK's does) refuses it. So the name to expect is a setting of its own
 *       ({@code tlsName}), checked here instead of the URL's host. Null only when the certificate is pinned and no
 *       name was asked for: the pin then identifies the server.</li>
 * </ul>
 *
 * <p>This is an {@link X509ExtendedTrustManager}, so JSSE leaves the identity check to it instead of checking
 * the URL's host itself.
 */
final class ServerTrust extends X509ExtendedTrustManager {
    private final X509TrustManager authorities;
    private final byte[] pin;
    private final String expectedName;

    private ServerTrust(X509TrustManager authorities, byte[] pin, String expectedName) {
        this.authorities = authorities;
        this.pin = pin;
        this.expectedName = expectedName;
    }

    /**
     * @param authorities the certificates to trust; empty for the JDK's defaults (or none when pinned)
     * @param pin the SHA-256 of the server's certificate, or empty
     * @param expectedName the name the certificate must carry; null only with a pin
     */
    static ServerTrust of(List<X509Certificate> authorities, Optional<byte[]> pin, String expectedName)
            throws GeneralSecurityException {
        if (expectedName == null && pin.isEmpty()) {
            throw new IllegalArgumentException("a certificate is checked by its name, or pinned");
        }
        X509TrustManager chain = null;
        if (!authorities.isEmpty() || pin.isEmpty()) {
            KeyStore store = null;
            if (!authorities.isEmpty()) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                try {
                    store.load(null, null);
                } catch (java.io.IOException e) {
                    throw new GeneralSecurityException("cannot make an empty key store", e);
                }
                for (int i = 0; i < authorities.size(); i++) {
                    store.setCertificateEntry("ca-" + i, authorities.get(i));
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            chain = x509(factory.getTrustManagers());
        }
        return new ServerTrust(chain, pin.orElse(null), expectedName);
    }

    SSLContext context() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {this}, null);
        return context;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the RAPI server sent no certificate");
        }
        if (authorities != null) {
            authorities.checkServerTrusted(chain, authType);
        }
        if (pin != null) {
            byte[] actual = sha256(chain[0]);
            if (!MessageDigest.isEqual(actual, pin)) {
                throw new CertificateException("the RAPI certificate's SHA-256 fingerprint is " + hex(actual)
                        + ", not the pinned " + hex(pin));
            }
            chain[0].checkValidity();
        }
        if (expectedName != null && !CertificateNames.matches(chain[0], expectedName)) {
            throw new CertificateException("the RAPI certificate names " + CertificateNames.of(chain[0])
                    + ", not " + expectedName + " (set tlsName to the name the certificate carries;"
                    + " Ganeti 3.0's own certificates say ganeti.example.com)");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("nicsync is a RAPI client; it takes no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities == null ? new X509Certificate[0] : authorities.getAcceptedIssuers();
    }

    static byte[] sha256(X509Certificate certificate) throws CertificateException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot hash the certificate", e);
        }
    }

    /** As {@code openssl x509 -fingerprint -sha256} prints it. */
    static String hex(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the JDK offers no X.509 trust manager");
    }
}
