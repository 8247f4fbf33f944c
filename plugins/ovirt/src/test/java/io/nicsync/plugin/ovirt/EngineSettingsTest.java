package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target's settings: the engine's API over https, a user, a password from outside the repository, replug. */
class EngineSettingsTest {
    private static final Map<String, String> ENV = Map.of("OVIRT_PW", "s3cret");

    private static EngineSettings of(Map<String, String> changes) {
        Map<String, String> settings = new HashMap<>(Map.of("url", "https://engine.example.org/ovirt-engine/api",
                "user", "nicsync@internal", "passwordEnv", "OVIRT_PW"));
        settings.putAll(changes);
        settings.values().removeIf(String::isEmpty);
        return EngineSettings.of(new TargetConfig("dc1", "ovirt", settings), ENV::get);
    }

    @Test
    void theUsualTarget() {
        EngineSettings s = of(Map.of());
        assertThat(s.url()).hasToString("https://engine.example.org/ovirt-engine/api");
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.replug()).isEqualTo(EngineSettings.Replug.NEVER);
        assertThat(s.caFile()).isNull();
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThat(of(Map.of("replug", "allow", "url", "https://e:8443/ovirt-engine/api/")).replug())
                .isEqualTo(EngineSettings.Replug.ALLOW);
    }

    @Test
    void theUrlIsTheEnginesApiOverHttps() {
        for (String url : new String[] {"http://engine/ovirt-engine/api", "https://engine/", "engine:443",
            "https://engine/api"}) {
            assertThatThrownBy(() -> of(Map.of("url", url))).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("https://ENGINE/ovirt-engine/api");
        }
    }

    @Test
    void thePasswordComesFromExactlyOneFileOrVariable(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\nsecond line\n");
        assertThat(of(Map.of("passwordEnv", "", "passwordFile", file.toString())).password()).isEqualTo("from-file");
        Path windows = Files.writeString(dir.resolve("pw-crlf"), "from-windows\r\n");
        assertThat(of(Map.of("passwordEnv", "", "passwordFile", windows.toString())).password())
                .as("no carriage return").isEqualTo("from-windows");
        assertThatThrownBy(() -> of(Map.of("passwordFile", file.toString())))
                .hasMessageContaining("exactly one of passwordFile and passwordEnv");
        assertThatThrownBy(() -> of(Map.of("passwordEnv", ""))).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> of(Map.of("passwordEnv", "UNSET"))).hasMessage(
                "the environment variable UNSET (passwordEnv) holds no password");
        assertThatThrownBy(() -> of(Map.of("passwordEnv", "", "passwordFile", dir.resolve("none").toString())))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> of(Map.of("user", ""))).hasMessage(
                "setting user is required (a user such as nicsync@internal)");
        assertThatThrownBy(() -> of(Map.of("replug", "sometimes"))).hasMessage("replug is allow or never, not sometimes");
    }

    @Test
    void aCaFileWithoutACertificateIsSaidSo(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertThatThrownBy(() -> EngineTrust.context(empty)).hasMessage("caFile " + empty + " holds no PEM certificate");
        assertThatThrownBy(() -> EngineTrust.context(dir.resolve("missing.pem"))).hasMessageContaining("cannot be read");
    }
}
