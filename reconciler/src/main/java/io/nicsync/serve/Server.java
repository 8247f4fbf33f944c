package io.nicsync.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.reconcile.RunReport;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code nicsync serve}: the reconcile loop on one thread, one cycle at a time, and an HTTP server beside it
 * ({@code POST /hooks/git}, {@code GET /metrics}, {@code /healthz}, {@code /status}). {@link #close} stops taking
 * runs, lets the running cycle end (up to a grace period) and stops the server.
 */
public final class Server implements AutoCloseable {

    /**
     * @param webhookSecret null: webhooks are refused
     * @param ref the ref the loop follows ({@code --ref}), to tell which pushes concern it; null for HEAD
     * @param firstBackoff the wait after a failed cycle, doubled per further failure up to {@code maxBackoff}
     * @param shutdownGrace how long {@link #close} waits for a running cycle
     */
    public record Settings(InetSocketAddress listen, Duration interval, Duration firstBackoff, Duration maxBackoff,
            byte[] webhookSecret, String ref, int maxWebhookBytes, Duration shutdownGrace) {
    }

    private static final int REMEMBERED_DELIVERIES = 1024;

    private final Reconciler reconciler;
    private final Metrics metrics = new Metrics();
    private final Wakeups wakeups = new Wakeups();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final HttpServer http;
    private final ExecutorService handlers;
    private final Thread loop;
    private final Duration shutdownGrace;
    private final Consumer<String> log;
    private boolean closed;
    private volatile Consumer<String> relay = ref -> { };

    private Server(Settings settings, Reconciler reconciler, Consumer<String> log) throws IOException {
        this.reconciler = reconciler.listener(metrics);
        this.shutdownGrace = settings.shutdownGrace();
        this.log = log;
        Pacing pacing = new Pacing(settings.interval(), settings.firstBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.loop = Thread.ofPlatform().name("nicsync-loop").unstarted(new ServeLoop(this::cycle, pacing, wakeups));
        this.handlers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("nicsync-http-", 0).daemon().factory());
        this.http = HttpServer.create(settings.listen(), 32);
        http.setExecutor(handlers);
        http.createContext("/hooks/git", new WebhookHandler(settings.webhookSecret(), new PushRefs(settings.ref()),
                settings.maxWebhookBytes(), new Deliveries(REMEMBERED_DELIVERIES), this::pushed, metrics, log));
        http.createContext("/metrics", this::metrics);
        http.createContext("/healthz", this::health);
        http.createContext("/status", this::status);
    }

    /** Binds the HTTP server and starts the loop; the first cycle runs at once. */
    public static Server start(Settings settings, Reconciler reconciler, Consumer<String> log) throws IOException {
        Server server = new Server(settings, reconciler, log);
        server.http.start();
        server.loop.start();
        return server;
    }

    /** Where the HTTP server listens: with port 0 in the settings, the port it was given. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The registry {@code /metrics} exposes; other parts may register their own metrics in it. */
    public PrometheusRegistry registry() {
        return metrics.registry();
    }

    /** Asks for a cycle now, as a push does. */
    public void requestRun() {
        wakeups.request();
    }

    /**
     * Where a push this server took is passed on besides its own loop, such as to the other replicas of a
     * sharded deployment; given the pushed ref (null when the delivery named none).
     */
    public void relayPushesTo(Consumer<String> relay) {
        this.relay = relay;
    }

    /** Also serves {@code handler} at {@code path}, such as the web page and its API. */
    public void route(String path, HttpHandler handler) {
        http.createContext(path, handler);
    }

    /** Asks for a cycle as an accepted push webhook does: here at once, and on the other replicas through the relay. */
    public void runAsPushed() {
        pushed(null);
    }

    private void pushed(String ref) {
        wakeups.request();
        relay.accept(ref);
    }

    /** Blocks until the loop stopped ({@link #close}). */
    public void awaitStop() throws InterruptedException {
        loop.join();
    }

    private boolean cycle() throws InterruptedException {
        try {
            RunReport report = reconciler.cycle();
            return report.exitCode() == 0;
        } catch (RuntimeException e) { // from a listener: the loop goes on, backing off
            log.accept("cycle failed: " + e);
            return false;
        }
    }

    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Http.get(exchange)) {
                return;
            }
            ExpositionFormatWriter writer = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writer.write(body, metrics.registry().scrape());
            Http.send(exchange, 200, writer.getContentType(), body.toByteArray());
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Http.get(exchange)) {
                return;
            }
            if (wakeups.stopped()) {
                Http.text(exchange, 503, "stopping");
            } else {
                Http.text(exchange, 200, "ok");
            }
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Http.get(exchange)) {
                return;
            }
            Optional<String> last = reconciler.lastRunJson();
            if (last.isEmpty()) {
                Http.text(exchange, 404, "no run has finished yet");
            } else {
                Http.send(exchange, 200, "application/json", last.get().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Stops taking runs, waits for the running cycle (up to the grace period), then stops the HTTP server and
     * closes the targets and the repository. A cycle still running after the grace period is left to the process
     * exit: its journal has no end, and the next start rolls its steps back.
     */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        log.accept("Stopping: no new runs; waiting up to " + shutdownGrace.toSeconds() + " s for a running cycle");
        wakeups.stop();
        loop.join(shutdownGrace.toMillis() + 1);
        http.stop(0);
        handlers.shutdown();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
        if (loop.isAlive()) {
            log.accept("Stopped with a cycle still running: if it was applying, its journal has no end and the next "
                    + "start rolls its steps back");
        } else {
            reconciler.close();
            log.accept("Stopped.");
        }
    }
}
