package io.nicsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.OperatorAllows;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.serve.Server;
import io.nicsync.source.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code nicsync serve} in this JVM against a desired-state repository, reached over HTTP as a Git server and
 * Prometheus reach it: push deliveries signed as GitHub signs them, {@code /metrics} scraped and parsed.
 */
final class Served implements AutoCloseable {
    static final String SECRET = "webhook-secret-for-tests";

    final Reconciler reconciler;
    final Server server;
    final List<String> log = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    private Served(Reconciler reconciler, Server.Settings settings) throws IOException {
        this.reconciler = reconciler;
        this.server = Server.start(settings, reconciler, log::add);
        this.base = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    /**
     * Serves the main branch of {@code repo}, its state and cache under {@code dir}, a cycle every {@code interval}
     * (backoff from 200 ms up to 2 s); {@code setUp} may plug a seam into the reconciler before the first cycle.
     */
    static Served start(String repo, Path dir, Duration interval, UnaryOperator<Reconciler> setUp) {
        return start(repo, dir, interval, ApplyOverrides.NONE, setUp);
    }

    /** As {@link #start(String, Path, Duration, UnaryOperator)}, the repository's policy overridden by {@code apply}. */
    static Served start(String repo, Path dir, Duration interval, ApplyOverrides apply, UnaryOperator<Reconciler> setUp) {
        SourceSpec source = new SourceSpec(repo, "main", null, dir.resolve("cache"), null);
        // the simulated cluster's kubeconfig, which nicsync.yaml names, is in the test's directory
        TargetOverrides allowed = TargetOverrides.NONE.allowing(new OperatorAllows(List.of(), List.of(dir + "/")));
        Reconciler reconciler = setUp.apply(new Reconciler(new Reconciler.Settings(source, Selection.ALL, allowed,
                dir.resolve("state"), Duration.ZERO, apply, "nicsync serve (test)"),
                Plugins.installed(), Clock.systemUTC(), Sleeper.REAL));
        Server.Settings settings = new Server.Settings(new InetSocketAddress("127.0.0.1", 0), interval,
                Duration.ofMillis(200), Duration.ofSeconds(2), SECRET.getBytes(StandardCharsets.UTF_8), "main",
                1 << 20, Duration.ofSeconds(30));
        try {
            return new Served(reconciler, settings);
        } catch (IOException e) {
            reconciler.close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A push event for {@code ref} as GitHub delivers it, signed with {@code secret}. Each push's body differs, as a
     * real one's does (its {@code after} commit, its time): an identical body is a replay.
     */
    HttpResponse<String> push(String ref, String secret) {
        String after = HexFormat.of().formatHex(hmac(UUID.randomUUID().toString(), new byte[0])).substring(0, 40);
        byte[] body = ("{\"ref\":\"" + ref + "\",\"after\":\"" + after
                + "\",\"repository\":{\"full_name\":\"ops/nics\"}}").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(base.resolve("/hooks/git"))
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** The last run's report from {@code /status}; null before the first. */
    JsonNode status() {
        HttpResponse<String> response = get("/status");
        if (response.statusCode() == 404) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code /metrics} in the Prometheus text format, parsed: each sample by its series as written
     * ({@code nicsync_runs_total{outcome="applied"}}), comments and the {@code # TYPE} lines left out.
     */
    Map<String, Double> metrics() {
        HttpResponse<String> response = get("/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    /** The number of finished cycles, all outcomes. */
    double runs() {
        return metrics().entrySet().stream().filter(e -> e.getKey().startsWith("nicsync_runs_total{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Waits up to {@code seconds} for {@code condition}, failing with {@code what}. */
    static void await(int seconds, String what, BooleanSupplier condition) {
        await(seconds, what, condition, () -> "");
    }

    /** As {@link #await(int, String, BooleanSupplier)}; the failure also says what {@code details} tells then. */
    static void await(int seconds, String what, BooleanSupplier condition, java.util.function.Supplier<String> details) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + seconds + " s: " + what + " " + details.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } finally {
            http.close();
        }
    }
}
