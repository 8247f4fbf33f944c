package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's real RAPI certificate (self-signed, CN=ganeti.example.com, no SAN) and users: what is trusted, what is
 * refused, and why.
 */
class AccessIT {
    @TempDir
    Path dir;

    private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        Map<String, String> out = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                out.remove(keysAndValues[i]);
            } else {
                out.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return out;
    }

    private static TargetException openFails(Map<String, String> settings) {
        try (Target t = GanetiLab.open(settings)) {
            throw new AssertionError("opened with " + settings);
        } catch (TargetException e) {
            return e;
        }
    }

    @Test
    void theLabsCertificateIsTrustedThroughTheCaFileUnderTheNameItCarries() throws Exception {
        GanetiLab.require();
        try (Target target = GanetiLab.open()) {
            assertThat(target.observeAll()).isNotEmpty();
        }
    }

    @Test
    void theUrlsAddressIsNotTheCertificatesName() {
        GanetiLab.require();
        TargetException e = openFails(with(GanetiLab.settings(), "tlsName", null));

        assertThat(e.reason()).isEqualTo(TargetException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("the RAPI certificate names [CN=ganeti.example.com], not 127.0.0.1");
    }

    @Test
    void anotherAuthorityIsRefused() throws Exception {
        GanetiLab.require();
        Path foreign = dir.resolve("foreign.pem");
        ServerTrustTestCertificates.write(dir, "CN=ganeti.example.com", foreign);

        TargetException e = openFails(with(GanetiLab.settings(), "caFile", foreign.toString()));

        assertThat(e.reason()).isEqualTo(TargetException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).containsAnyOf("PKIX", "certification path");
    }

    @Test
    void aPinnedFingerprintIsEnoughAndAWrongOneIsRefused() throws Exception {
        GanetiLab.require();
        X509Certificate lab = RapiSettings.certificates(GanetiLab.get("RAPI_CA")).getFirst();
        String pin = ServerTrust.hex(ServerTrust.sha256(lab));
        Map<String, String> pinned = with(GanetiLab.settings(), "caFile", null, "tlsName", null, "fingerprint", pin);

        try (Target target = GanetiLab.open(pinned)) {
            assertThat(target.observeAll()).isNotEmpty();
        }
        String wrong = (pin.startsWith("00") ? "11" : "00") + pin.substring(2);
        TargetException e = openFails(with(pinned, "fingerprint", wrong));
        assertThat(e.getMessage()).contains("SHA-256 fingerprint is " + pin + ", not the pinned " + wrong);
    }

    @Test
    void aWrongPasswordIsForbiddenAndSaysWhatToCheck() throws Exception {
        GanetiLab.require();
        Path password = Files.writeString(dir.resolve("pw"), "wrong\n");

        TargetException e = openFails(with(GanetiLab.settings(), "passwordFile", password.toString()));

        assertThat(e.reason()).isEqualTo(TargetException.Reason.FORBIDDEN);
        assertThat(e.getMessage()).contains("HTTP 401: Unauthorized").contains("the RAPI user or password is wrong");
    }

    @Test
    void aUserWithoutWriteAccessObservesButPreflightAndStepsSayItMayNotChangeAnything() throws Exception {
        GanetiLab.require();
        Map<String, String> reader = with(GanetiLab.settings(), "user", GanetiLab.get("RAPI_READ_USER"),
                "passwordFile", GanetiLab.get("RAPI_READ_PASSWORD_FILE"));
        VmRef lab = VmRef.of("gnt", GanetiLab.get("INSTANCE"));
        AddNic add = new AddNic(lab, new NicSpec("never", null, NetworkRef.named("bridge", "gnt-br1"), null, null,
                LinkState.UP, null), "t");
        try (Target target = GanetiLab.open(reader)) {
            assertThat(target.observe(lab).nics()).isNotEmpty();

            assertThat(target.preflight(List.of(add))).singleElement().asString()
                    .contains("HTTP 403: Forbidden").contains("needs write access");
            assertThatThrownBy(() -> target.execute(add, Duration.ofSeconds(30)))
                    .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.FORBIDDEN);
        }
        assertThat(Json.texts(GanetiLab.instance(lab.name()).path("nic.names"))).doesNotContain("never");
    }
}
