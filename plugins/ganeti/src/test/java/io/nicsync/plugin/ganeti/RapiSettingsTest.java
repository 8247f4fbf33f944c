package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RapiSettingsTest {
    @TempDir
    Path dir;

    private RapiSettings settings(Map<String, String> values) {
        return RapiSettings.of(new TargetConfig("gnt", "ganeti", values), name -> name.equals("GNT_PW") ? "s3cret" : null);
    }

    private Map<String, String> base() throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "from-file\nignored\n");
        Map<String, String> m = new HashMap<>();
        m.put("rapi", "https://cluster.example.org");
        m.put("user", "nicsync");
        m.put("passwordFile", password.toString());
        return m;
    }

    @Test
    void theDefaultPortIsRapisAndTheNameToCheckIsTheHost() throws Exception {
        RapiSettings s = settings(base());

        assertThat(s.rapi().toString()).isEqualTo("https://cluster.example.org:5080/");
        assertThat(s.tlsName()).isEqualTo("cluster.example.org");
        assertThat(s.password()).isEqualTo("from-file");
        assertThat(s.toString()).doesNotContain("from-file");
    }

    @Test
    void thePasswordComesFromAFileOrAnEnvironmentVariableNeverBoth() throws Exception {
        Map<String, String> env = base();
        env.remove("passwordFile");
        env.put("passwordEnv", "GNT_PW");
        assertThat(settings(env).password()).isEqualTo("s3cret");

        env.put("passwordFile", dir.resolve("pw").toString());
        assertThatThrownBy(() -> settings(env)).hasMessageContaining("exactly one of passwordFile and passwordEnv");
        env.remove("passwordFile");
        env.put("passwordEnv", "UNSET_VARIABLE");
        assertThatThrownBy(() -> settings(env)).hasMessage("the environment variable UNSET_VARIABLE (passwordEnv) is"
                + " not set");
    }

    @Test
    void rapiIsHttpsOnly() throws Exception {
        Map<String, String> m = base();
        m.put("rapi", "http://cluster.example.org:5080");

        assertThatThrownBy(() -> settings(m)).hasMessageContaining("must be an https URL");
    }

    @Test
    void aPinnedCertificateNeedsNoNameUnlessOneIsAsked() throws Exception {
        Map<String, String> m = base();
        m.put("fingerprint", "DA:AD:56:97:78:FE:7C:41:8A:8B:AA:4B:4E:9B:4E:06:B3:F0:97:A1:DE:1A:3B:3F:03:6D:FE:6D:D7:AC:44:55");
        RapiSettings s = settings(m);
        assertThat(s.pin()).hasValueSatisfying(p -> assertThat(ServerTrust.hex(p)).startsWith("DA:AD:56"));
        assertThat(s.tlsName()).isNull();

        m.put("tlsName", "ganeti.example.com");
        assertThat(settings(m).tlsName()).isEqualTo("ganeti.example.com");
        m.put("fingerprint", "daad569778fe7c418a8baa4b4e9b4e06b3f097a1de1a3b3f036dfe6dd7ac4455");
        assertThat(settings(m).pin()).isPresent();
        m.put("fingerprint", "DA:AD");
        assertThatThrownBy(() -> settings(m)).hasMessageContaining("SHA-256 fingerprint");
    }

    @Test
    void aCaFileWithoutCertificatesIsRefused() throws Exception {
        Map<String, String> m = base();
        m.put("caFile", Files.writeString(dir.resolve("ca.pem"), "not a certificate").toString());

        assertThatThrownBy(() -> settings(m)).hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void requiredSettingsAreNamed() {
        assertThatThrownBy(() -> settings(Map.of("user", "x"))).hasMessageStartingWith("setting rapi is required");
        assertThatThrownBy(() -> settings(Map.of("rapi", "https://h"))).hasMessageStartingWith("setting user is required");
    }
}
