package io.nicsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.serve.Server;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote that answers a byte every 100 ms, as a slow or hostile server does: {@code git daemon} on loopback behind
 * a trickling proxy. Git's per-read timeout never fires; the fetch deadline and the cycle deadline cut the work,
 * and {@code serve}'s {@code /healthz} says the last cycle was cut.
 */
class HungFetchTest {
    @TempDir
    Path dir;

    private TricklingRemote remote;
    private String url;

    @BeforeEach
    void serveARepositoryThatTrickles() throws Exception {
        Path work = GitCli.init(dir.resolve("work"));
        GitCli.commitFile(work, "nicsync.yaml", "apiVersion: nicsync.io/v1alpha1\nkind: Config\ntargets: []\n");
        GitCli.git(dir, "clone", "-q", "--bare", work.toString(), dir.resolve("served/fleet.git").toString());
        remote = TricklingRemote.serve(dir.resolve("served"), Duration.ofMillis(100));
        url = remote.url("fleet.git");
    }

    @AfterEach
    void stop() throws Exception {
        remote.close();
    }

    @Test
    void aCloneThatTricklesIsCutAtTheFetchDeadline() {
        SourceSpec spec = SourceSpec.of(url).withCacheDir(dir.resolve("cache"))
                .withLimits(SourceLimits.DEFAULT.withFetchTimeout(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> GitSource.read(spec)).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.reason()).isEqualTo(SourceException.Reason.TIMEOUT))
                .hasMessage("fetching " + url + " took longer than 2 s and was cut (--fetch-timeout)");
    }

    @Test
    void serveCutsTheFetchAndHealthSaysSo() throws Exception {
        String health = healthAfterTheFirstCycle(SourceLimits.DEFAULT.withFetchTimeout(Duration.ofSeconds(2)),
                reconciler -> reconciler);

        assertThat(health).startsWith("200 ok: ").contains("last cycle finished")
                .contains("error (fetching " + url + " took longer than 2 s and was cut (--fetch-timeout))");
    }

    @Test
    void serveCutsTheCycleAtItsDeadlineAndHealthSaysSo() throws Exception {
        String health = healthAfterTheFirstCycle(SourceLimits.DEFAULT.withFetchTimeout(Duration.ofMinutes(5)),
                reconciler -> reconciler.deadline(Duration.ofSeconds(2)));

        assertThat(health).startsWith("200 ok: ").contains("error (the cycle took longer than 2 s to read, validate and "
                + "plan and was cut; nothing was changed");
    }

    /** {@code serve} on this remote: /healthz once the first cycle has ended, as {@code STATUS BODY}. */
    private String healthAfterTheFirstCycle(SourceLimits limits, UnaryOperator<Reconciler> setUp) throws Exception {
        SourceSpec spec = SourceSpec.of(url).withCacheDir(dir.resolve("cache")).withLimits(limits);
        Reconciler reconciler = setUp.apply(new Reconciler(new Reconciler.Settings(spec, Selection.ALL,
                TargetOverrides.NONE, dir.resolve("state"), Duration.ZERO, ApplyOverrides.NONE, "nicsync serve (test)"),
                Plugins.of(List.of()), Clock.systemUTC(), Sleeper.REAL));
        try (Server server = Server.start(new Server.Settings(new InetSocketAddress("127.0.0.1", 0),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), null, "main", 1024,
                Duration.ofSeconds(10)), reconciler, line -> { });
                HttpClient http = HttpClient.newHttpClient()) {
            URI healthz = URI.create("http://127.0.0.1:" + server.address().getPort() + "/healthz");
            for (int i = 0; i < 600; i++) { // a generous bound: the cut comes after 2 s
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(healthz).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("last cycle finished")) {
                    return response.statusCode() + " " + response.body();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no cycle ended within a minute: the fetch was not cut");
        }
    }
}
