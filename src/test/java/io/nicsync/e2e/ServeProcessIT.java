package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/nicsync serve} as a process of its own, as a Deployment runs it: it applies the repository at once,
 * answers over HTTP, and on SIGTERM stops taking runs, closes its targets and exits.
 */
class ServeProcessIT extends KubevirtScenarioIT {

    @Test
    void servesAppliesAndStopsCleanlyOnSigterm() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(DesiredState.bridgeNic("blue", "blue") + DesiredState.bridgeNic("red", "red"));
        Path secret = Files.writeString(dir.resolve("webhook-secret"), "s3cret\n");
        int port = freePort();
        Launcher serve = Launcher.start(dir.resolve("serve.out"), "serve", "--repo", git.url(), "--ref", "main",
                "--state-dir", dir.resolve("state").toString(), "--cache-dir", dir.resolve("cache").toString(),
                "--listen", "127.0.0.1:" + port, "--interval", "1h", "--webhook-secret-file", secret.toString(),
                "--log-format", "json", "--allow-file", allowedFiles());
        URI base = URI.create("http://127.0.0.1:" + port);
        try (HttpClient http = HttpClient.newHttpClient()) {
            Served.await(60, "serve answers /healthz", () -> status(http, base.resolve("/healthz")) == 200);
            Served.await(30, "red plugged by the first cycle", () -> kubevirt.attached("red"));
            Served.await(10, "/status", () -> status(http, base.resolve("/status")) == 200);

            serve.process().destroy(); // SIGTERM

            assertThat(serve.process().waitFor(40, TimeUnit.SECONDS)).as(serve.output()).isTrue();
            assertThat(serve.process().exitValue()).isEqualTo(143);
            // for a cluster's log collector: every line one JSON event with its time and level
            List<JsonNode> events = new ArrayList<>();
            for (String line : serve.output().lines().filter(l -> !l.isBlank()).toList()) {
                JsonNode event = new ObjectMapper().readTree(line);
                assertThat(event.path("time").asText()).as(line).isNotEmpty();
                assertThat(event.path("level").asText()).as(line).isIn("info", "warn", "error");
                events.add(event);
            }
            assertThat(events).extracting(e -> e.path("msg").asText())
                    .anySatisfy(m -> assertThat(m).startsWith("Serving on"))
                    .anySatisfy(m -> assertThat(m).startsWith("Reconcile: applied"))
                    .anySatisfy(m -> assertThat(m).startsWith("Stopping: no new runs"))
                    .anySatisfy(m -> assertThat(m).startsWith("Stopped."));
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        } finally {
            serve.process().destroyForcibly();
        }
    }

    static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
