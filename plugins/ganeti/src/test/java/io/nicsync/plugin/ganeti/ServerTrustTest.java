package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate checks, with certificates made by the JDK's keytool as Ganeti makes its own: self-signed,
 * {@code CN=ganeti.example.com}, no subject alternative name. (The integration tests check the lab's real one.)
 */
class ServerTrustTest {
    @TempDir
    static Path dir;
    private static X509Certificate ganetiLike;
    private static X509Certificate other;
    private static X509Certificate withSan;

    @BeforeAll
    static void certificates() throws Exception {
        ganetiLike = make("ganeti", "CN=ganeti.example.com", null);
        other = make("other", "CN=ganeti.example.com", null);
        withSan = make("san", "CN=ignored.example.org", "SAN=dns:rapi.example.org,dns:*.gnt.example.org,ip:127.0.0.1");
    }

    private static X509Certificate make(String alias, String dname, String ext) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        Path pem = dir.resolve(alias + ".pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> gen = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-keystore", store.toString(),
                "-storepass", "changeit", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname,
                "-validity", "30"));
        if (ext != null) {
            gen.addAll(List.of("-ext", ext));
        }
        run(gen);
        run(List.of(keytool, "-exportcert", "-rfc", "-keystore", store.toString(), "-storepass", "changeit", "-alias",
                alias, "-file", pem.toString()));
        return RapiSettings.certificates(pem.toString()).getFirst();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(command + ": " + out);
        }
    }

    private static void check(ServerTrust trust, X509Certificate server) throws CertificateException {
        trust.checkServerTrusted(new X509Certificate[] {server}, "RSA");
    }

    @Test
    void ganetisCertificateIsTrustedThroughItselfUnderTheNameItCarries() throws Exception {
        ServerTrust trust = ServerTrust.of(List.of(ganetiLike), Optional.empty(), "ganeti.example.com");

        assertThatCode(() -> check(trust, ganetiLike)).doesNotThrowAnyException();
    }

    @Test
    void theUrlsHostIsNotTheNameGanetisCertificateCarries() throws Exception {
        ServerTrust trust = ServerTrust.of(List.of(ganetiLike), Optional.empty(), "127.0.0.1");

        assertThatThrownBy(() -> check(trust, ganetiLike)).isInstanceOf(CertificateException.class)
                .hasMessageStartingWith("the RAPI certificate names [CN=ganeti.example.com], not 127.0.0.1");
    }

    @Test
    void anotherCertificateWithTheSameNameIsNotTrusted() throws Exception {
        ServerTrust trust = ServerTrust.of(List.of(ganetiLike), Optional.empty(), "ganeti.example.com");

        assertThatThrownBy(() -> check(trust, other)).isInstanceOf(CertificateException.class);
    }

    @Test
    void aPinAcceptsExactlyThatCertificate() throws Exception {
        byte[] pin = ServerTrust.sha256(ganetiLike);
        ServerTrust pinned = ServerTrust.of(List.of(), Optional.of(pin), null);

        assertThatCode(() -> check(pinned, ganetiLike)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(pinned, other)).isInstanceOf(CertificateException.class)
                .hasMessageContaining("not the pinned " + ServerTrust.hex(pin));
    }

    @Test
    void withoutCaFileOrPinTheJdksAuthoritiesDecide() throws Exception {
        ServerTrust defaults = ServerTrust.of(List.of(), Optional.empty(), "ganeti.example.com");

        assertThatThrownBy(() -> check(defaults, ganetiLike)).isInstanceOf(CertificateException.class);
    }

    @Test
    void namesFollowTheAlternativeNamesWhenThereAreAny() {
        assertThat(CertificateNames.matches(withSan, "rapi.example.org")).isTrue();
        assertThat(CertificateNames.matches(withSan, "node1.gnt.example.org")).isTrue();
        assertThat(CertificateNames.matches(withSan, "a.b.gnt.example.org")).isFalse();
        assertThat(CertificateNames.matches(withSan, "127.0.0.1")).isTrue();
        assertThat(CertificateNames.matches(withSan, "ignored.example.org")).as("CN only without DNS names").isFalse();
        assertThat(CertificateNames.matches(ganetiLike, "GANETI.example.com")).isTrue();
    }

    @Test
    void thereIsNoTrustAll() {
        assertThatThrownBy(() -> ServerTrust.of(List.of(), Optional.empty(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(dir)).isTrue();
    }
}
