package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.plugin.ovirt.sim.Fixtures;
import io.nicsync.plugin.ovirt.sim.SimEngine;
import io.nicsync.plugin.ovirt.sim.TestPki;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reaching the engine: its certificate is checked against the CA file (there is no way not to), the user logs in
 * through the SSO with a password from a file or the environment, and each failure says what went wrong.
 */
class AccessTest {

    private static TargetConfig config(SimEngine engine, Map<String, String> changes) {
        Map<String, String> settings = new HashMap<>(Map.of("url", engine.url(), "caFile", engine.caFile().toString(),
                "user", Fixtures.USER, "passwordEnv", "PW"));
        settings.putAll(changes);
        settings.values().removeIf(String::isEmpty);
        return new TargetConfig("dc1", "ovirt", settings);
    }

    private static OvirtPlugin plugin(String password) {
        return new OvirtPlugin(Map.of("PW", password)::get, new FakeTime(), d -> { });
    }

    @Test
    void aPasswordFileLogsInAndClosingRevokesTheToken(@TempDir Path dir) throws Exception {
        try (SimEngine engine = SimEngine.start(Fixtures.standard(), TestPki.shared())) {
            Path file = Files.writeString(dir.resolve("pw"), Fixtures.PASSWORD + "\n");
            var target = plugin("unused").open(config(engine, Map.of("passwordEnv", "", "passwordFile",
                    file.toString())));
            assertThat(((OvirtTarget) target).version()).isEqualTo("4.5.6");
            target.close();
            assertThat(engine.requests()).first().isEqualTo("POST /ovirt-engine/sso/oauth/token");
            assertThat(engine.requests()).last().isEqualTo("POST /ovirt-engine/services/sso-logout");
            assertThat(engine.modelProblems()).isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsForbidden() throws Exception {
        try (SimEngine engine = SimEngine.start(Fixtures.standard(), TestPki.shared())) {
            assertThatThrownBy(() -> plugin("guess").open(config(engine, Map.of())))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                        assertThat(e.getMessage()).startsWith("target dc1 (https://localhost:")
                                .contains("The username or password is incorrect");
                    });
        }
    }

    @Test
    void aCertificateTheCaFileDoesNotVouchForIsRefused(@TempDir Path dir) throws Exception {
        TestPki other = TestPki.make(dir.resolve("other"));
        try (SimEngine engine = SimEngine.start(Fixtures.standard(), TestPki.shared())) {
            for (Map<String, String> trust : java.util.List.of(Map.of("caFile", other.caFile().toString()),
                    Map.of("caFile", ""))) {
                assertThatThrownBy(() -> plugin(Fixtures.PASSWORD).open(config(engine, trust)))
                        .as("trusting %s", trust).isInstanceOfSatisfying(TargetException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                            assertThat(e.getMessage()).contains("the engine's certificate is not one to trust");
                        });
            }
            assertThat(engine.requests()).as("no password was sent").isEmpty();
        }
    }

    @Test
    void anEngineThatDoesNotAnswerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var config = new TargetConfig("dc1", "ovirt", Map.of("url", "https://localhost:" + port + "/ovirt-engine/api",
                "user", Fixtures.USER, "passwordEnv", "PW", "caFile", TestPki.shared().caFile().toString()));
        assertThatThrownBy(() -> plugin(Fixtures.PASSWORD).open(config))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).contains("no answer from the engine").contains("Connection refused");
                });
    }
}
