package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.source.SourceSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s HTTP server against clients that send their request a byte at a time, on loopback: the probes
 * still answer while they hold their connections, and the slow connections are cut at the request deadline (made
 * small here). The reconcile loop beside it reads a repository that does not exist: its cycles fail, which the
 * probes report, and take no part in the test.
 */
class SlowClientsTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);
    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final List<SlowClient> slow = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Server server;

    @AfterEach
    void stop() throws Exception {
        slow.forEach(SlowClient::close);
        http.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void probesAnswerWhileSlowClientsHoldTheirConnectionsAndTheSlowOnesAreCutAtTheDeadline() throws Exception {
        URI base = start();
        // two send their headers a byte at a time, one its webhook body: each holds a connection and a request
        slow.add(SlowClient.open(base, "GET /healthz HTTP/1.1\r\nHost: nicsync\r\nX-Slow: " + "a".repeat(500)));
        slow.add(SlowClient.open(base, "GET /metrics HTTP/1.1\r\nHost: nicsync\r\nX-Slow: " + "b".repeat(500)));
        slow.add(SlowClient.open(base, "POST /hooks/git HTTP/1.1\r\nHost: nicsync\r\nContent-Length: 500\r\n"
                + "X-Hub-Signature-256: sha256=00\r\n\r\n" + "{".repeat(500)));
        slow.forEach(SlowClient::awaitSending);

        HttpResponse<String> health = get(base.resolve("/healthz"));
        boolean slowStillConnected = slow.stream().noneMatch(SlowClient::cut);
        HttpResponse<String> metrics = get(base.resolve("/metrics"));
        HttpResponse<String> status = get(base.resolve("/status"));

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).startsWith("ok: ");
        assertThat(slowStillConnected).as("the slow clients still held their connections").isTrue();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(status.statusCode()).isIn(200, 404);
        for (SlowClient client : slow) {
            assertThat(client.awaitCut(Duration.ofSeconds(60))).as("cut: " + client.request).isTrue();
        }
        assertThat(get(base.resolve("/healthz")).statusCode()).isEqualTo(200);
    }

    @Test
    void aPushIsPassedOnFromAThreadOfItsOwnSoAHangingRelayHoldsNoRequest() throws Exception {
        URI base = start();
        CountDownLatch relayEntered = new CountDownLatch(1);
        CountDownLatch releaseRelay = new CountDownLatch(1);
        List<String> relayed = new CopyOnWriteArrayList<>();
        server.relayPushesTo(ref -> {
            relayEntered.countDown();
            try {
                releaseRelay.await(); // as a Lease update against an API server that does not answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            relayed.add(ref);
        });
        try {
            byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> push = post(base.resolve("/hooks/git"), body, Map.of("X-GitHub-Event", "push",
                    "X-Hub-Signature-256", Provider.GITHUB.sign(body, SECRET)));

            assertThat(push.statusCode()).as(push.body()).isEqualTo(202);
            assertThat(relayEntered.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(get(base.resolve("/healthz")).statusCode()).isEqualTo(200);
            assertThat(relayed).isEmpty();
        } finally {
            releaseRelay.countDown();
        }
    }

    private URI start() throws IOException {
        SourceSpec nowhere = SourceSpec.of(dir.resolve("no-repository").toString());
        Reconciler reconciler = new Reconciler(new Reconciler.Settings(nowhere, Selection.ALL, TargetOverrides.NONE,
                dir.resolve("state"), Duration.ZERO, ApplyOverrides.NONE, "nicsync serve (test)"),
                Plugins.of(List.of()), Clock.systemUTC(), Sleeper.REAL);
        server = Server.start(new Server.Settings(new InetSocketAddress("127.0.0.1", 0), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), SECRET, "main", 1 << 20, Duration.ofSeconds(5),
                REQUEST_TIMEOUT, Set.of("github")), reconciler, line -> { });
        return URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
