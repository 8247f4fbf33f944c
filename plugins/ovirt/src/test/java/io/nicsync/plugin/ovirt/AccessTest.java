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

    /**
     * The SDK revokes the token before it closes its HTTP client, and closes nothing when the revoke fails (the engine
     * gone): the connection pool is closed all the same.
     */
    @Test
    void closingClosesTheConnectionPoolEvenWhenTheLogoutFails() throws Exception {
        SimEngine sim = SimEngine.start(Fixtures.standard(), TestPki.shared());
        var settings = EngineSettings.of(config(sim, Map.of()), Map.of("PW", Fixtures.PASSWORD)::get);
        Engine engine = EngineClient.open(settings, EngineTrust.context(settings.caFile()), new FakeTime());
        assertThat(engine.version()).isEqualTo("4.5.6");
        sim.close(); // the revoke cannot be sent
        engine.close();
        assertThatThrownBy(() -> engine.http().execute(new org.apache.http.client.methods.HttpGet(sim.url())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Connection pool shut down");
    }

    /** Whatever fails while a target opens, its engine is closed: the token revoked, the pool closed. */
    @Test
    void aTargetThatFailsToOpenLogsOutWhateverTheFailure() throws Exception {
        try (SimEngine engine = SimEngine.start(Fixtures.standard(), TestPki.shared())) {
            engine.cutShortNext("/ovirt-engine/api");
            assertThatThrownBy(() -> plugin(Fixtures.PASSWORD).open(config(engine, Map.of())))
                    .isInstanceOf(RuntimeException.class);
            assertThat(engine.requests()).last().isEqualTo("POST /ovirt-engine/services/sso-logout");
        }
    }

    /**
     * Requests of several VMs at once that all meet an expired token log in once: the SDK logs in again after a 401
     * without a lock, and every token but one would be left unrevoked.
     */
    @Test
    void requestsThatMeetAnExpiredTokenTogetherLogInOnce() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.observe("web-01");
            lab.engine.expireTokens();
            lab.engine.loginLatency(java.time.Duration.ofMillis(300));
            int before = logins(lab.engine);
            var barrier = new java.util.concurrent.CyclicBarrier(4);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                var results = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (String vm : new String[] {"web-01", "web-02", "stuck", "quiet"}) {
                    results.add(pool.submit(() -> {
                        barrier.await();
                        return lab.observe(vm);
                    }));
                }
                for (var r : results) {
                    r.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(logins(lab.engine) - before).isEqualTo(1);
        }
    }

    private static int logins(SimEngine engine) {
        return (int) engine.requests().stream().filter(r -> r.equals("POST /ovirt-engine/sso/oauth/token")).count();
    }
}
