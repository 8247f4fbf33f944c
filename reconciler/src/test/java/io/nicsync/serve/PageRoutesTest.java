package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.reconcile.CycleListener;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.reconcile.RunReport;
import io.nicsync.serve.web.WebPage;
import io.nicsync.source.SourceSpec;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page's routes as {@code serve} mounts them, on its own server: they have the request deadline of every
 * other route, and "run now" says what the server says of the run it asked for. The loop reads a repository that
 * does not exist; one test holds its first cycle at its end, so that a cycle is running.
 */
class PageRoutesTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);
    private static final String TOKEN = "a-run-token-of-32-characters-xyz";

    @TempDir
    Path dir;

    private final List<SlowClient> slow = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final CountDownLatch cycleInFinish = new CountDownLatch(1);
    private final CountDownLatch releaseCycle = new CountDownLatch(1);
    private Server server;

    @AfterEach
    void stop() throws Exception {
        releaseCycle.countDown();
        slow.forEach(SlowClient::close);
        http.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void slowClientsOfThePageAndItsApiAreCutAtTheRequestDeadlineWhileTheProbesAnswer() throws Exception {
        URI base = start(false);
        slow.add(SlowClient.open(base, "GET / HTTP/1.1\r\nHost: nicsync\r\nX-Slow: " + "a".repeat(500)));
        slow.add(SlowClient.open(base, "GET /api/v1/fleet HTTP/1.1\r\nHost: nicsync\r\nX-Slow: " + "b".repeat(500)));
        slow.add(SlowClient.open(base, "POST /api/v1/run HTTP/1.1\r\nHost: nicsync\r\nContent-Length: 500\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\n\r\n" + "{".repeat(500)));
        slow.forEach(SlowClient::awaitSending);

        HttpResponse<String> health = get(base.resolve("/healthz"));
        HttpResponse<String> page = get(base.resolve("/"));

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(page.statusCode()).isEqualTo(200);
        for (SlowClient client : slow) {
            assertThat(client.awaitCut(Duration.ofSeconds(60))).as("cut: " + client.request).isTrue();
        }
    }

    @Test
    void runNowSaysARunFollowsTheCycleRunningAsAPushIsTold() throws Exception {
        URI base = start(true);
        assertThat(cycleInFinish.await(30, TimeUnit.SECONDS)).as("the first cycle is running").isTrue();

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/run"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(new ObjectMapper().readTree(accepted.body()).path("message").asText())
                .startsWith("accepted: a run follows the cycle running since ");
    }

    /** @param holdFirstCycle whether the first cycle waits at its end until the test is over */
    private URI start(boolean holdFirstCycle) throws Exception {
        SourceSpec nowhere = SourceSpec.of(dir.resolve("no-repository").toString());
        Reconciler reconciler = new Reconciler(new Reconciler.Settings(nowhere, Selection.ALL, TargetOverrides.NONE,
                dir.resolve("state"), Duration.ZERO, ApplyOverrides.NONE, "nicsync serve (test)"),
                Plugins.of(List.of()), Clock.systemUTC(), Sleeper.REAL);
        if (holdFirstCycle) {
            reconciler.listener(new CycleListener() {
                @Override
                public void finished(RunReport report) {
                    cycleInFinish.countDown();
                    try {
                        releaseCycle.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }
        WebPage page = new WebPage(dir.resolve("state"), Optional.empty(), TOKEN.getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC(), line -> { });
        reconciler.listener(page.listener());
        server = Server.start(new Server.Settings(new InetSocketAddress("127.0.0.1", 0), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), null, null, 1024, Duration.ofSeconds(5), REQUEST_TIMEOUT,
                Set.of("github")), reconciler, line -> { });
        page.routes(server::runAsPushed).forEach(server::route);
        return URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
