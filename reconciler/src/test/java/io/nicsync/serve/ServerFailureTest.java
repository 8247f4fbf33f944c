package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.reconcile.CycleListener;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.SourceSpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cycle that runs out of memory is reported as that, stops the loop, and the health check says so. */
class ServerFailureTest {
    @TempDir
    Path dir;

    @Test
    void outOfMemoryInACycleStopsTheLoopAndIsNamedAsSuch() throws Exception {
        Reconciler reconciler = new Reconciler(new Reconciler.Settings(SourceSpec.of(dir.resolve("none").toString()),
                Selection.ALL, TargetOverrides.NONE, dir.resolve("state"), Duration.ZERO, ApplyOverrides.NONE, "test"),
                Plugins.of(List.of()), Clock.systemUTC(), Sleeper.REAL).listener(new CycleListener() {
                    @Override
                    public void finished(RunReport report) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                });
        List<String> log = new CopyOnWriteArrayList<>();
        try (Server server = Server.start(new Server.Settings(new InetSocketAddress("127.0.0.1", 0),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), null, null, 1024, Duration.ofSeconds(5)),
                reconciler, log::add); HttpClient http = HttpClient.newHttpClient()) {
            server.awaitStop();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.address().getPort() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(server.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("out of memory during a cycle")
                    .contains("Java heap space"));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("out of memory");
            assertThat(log).anySatisfy(l -> assertThat(l).contains("out of memory").contains("--max-total-bytes"));
        }
    }
}
