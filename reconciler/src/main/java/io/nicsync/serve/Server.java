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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code nicsync serve}: the reconcile loop on one thread, one cycle at a time, and an HTTP server beside it
 * ({@code POST /hooks/git}, {@code GET /metrics}, {@code /healthz}, {@code /readyz}, {@code /status}). {@link #close}
 * stops taking runs, lets the running cycle end (up to a grace period) and stops the server.
 *
 * <p>Each request has a thread of its own ({@link Exchanges}, virtual) and a deadline until it is read, so slow
 * clients cost threads nobody else needs and are cut; webhook deliveries are handled a few at a time, so a flood of
 * them cannot starve the probes; a push is passed on to other replicas from a thread of its own, never from the
 * request's.
 */
public final class Server implements AutoCloseable {

    /** Webhook deliveries handled at once; more are answered 503 at once. */
    static final int CONCURRENT_WEBHOOKS = 4;

    /**
     * @param webhookSecret null: webhooks are refused
     * @param ref the ref the loop follows ({@code --ref}), to tell which pushes concern it; null for HEAD
     * @param firstBackoff the wait after a failed cycle, doubled per further failure up to {@code maxBackoff}
     * @param shutdownGrace how long {@link #close} waits for a running cycle
     * @param requestTimeout how long a client may take to send a request, headers and body
     * @param webhookProviders the webhook schemes accepted ({@code github}, {@code gitea}, {@code gitlab},
     *     {@code generic}); a delivery authenticated any other way is refused
     */
    public record Settings(InetSocketAddress listen, Duration interval, Duration firstBackoff, Duration maxBackoff,
            byte[] webhookSecret, String ref, int maxWebhookBytes, Duration shutdownGrace, Duration requestTimeout,
            Set<String> webhookProviders) {

        /** 10 s for a request. */
        public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

        public Settings {
            webhookProviders = Set.copyOf(webhookProviders);
            Provider.named(webhookProviders); // refuses unknown names
        }

        /** With the default request timeout and the webhook schemes that sign the body ({@link Provider#SIGNING}). */
        public Settings(InetSocketAddress listen, Duration interval, Duration firstBackoff, Duration maxBackoff,
                byte[] webhookSecret, String ref, int maxWebhookBytes, Duration shutdownGrace) {
            this(listen, interval, firstBackoff, maxBackoff, webhookSecret, ref, maxWebhookBytes, shutdownGrace,
                    DEFAULT_REQUEST_TIMEOUT, Provider.labels(Provider.SIGNING));
        }
    }

    private static final int REMEMBERED_DELIVERIES = 10_000;
    private static final Duration DELIVERY_WINDOW = Duration.ofHours(24);

    private final Reconciler reconciler;
    private final Metrics metrics = new Metrics();
    private final Wakeups wakeups = new Wakeups();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final HttpServer http;
    private final ThreadPoolExecutor relays;
    private final Thread loop;
    private final Duration shutdownGrace;
    private final Health health;
    private final Clock clock;
    private final Consumer<String> log;
    private boolean closed;
    private volatile Consumer<String> relay = ref -> { };
    private volatile String failure;

    private Server(Settings settings, Reconciler reconciler, Consumer<String> log) throws IOException {
        this.reconciler = reconciler.listener(metrics);
        this.shutdownGrace = settings.shutdownGrace();
        this.log = log;
        this.clock = Clock.systemUTC();
        this.health = new Health(max(settings.interval(), settings.maxBackoff()), reconciler.cycleTimeout());
        Pacing pacing = new Pacing(settings.interval(), settings.firstBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.loop = Thread.ofPlatform().name("nicsync-loop").unstarted(new ServeLoop(this::cycle, pacing, wakeups));
        // One relay at a time, one more waiting; a push while one waits is carried by that one.
        this.relays = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                Thread.ofPlatform().name("nicsync-relay").daemon().factory(), new ThreadPoolExecutor.DiscardPolicy());
        JdkHttpLimits.apply(settings.requestTimeout());
        this.http = HttpServer.create(settings.listen(), 64);
        http.setExecutor(new Exchanges(settings.requestTimeout()));
        Webhooks webhooks = new Webhooks(settings.webhookSecret(), Provider.named(settings.webhookProviders()),
                new PushRefs(settings.ref()), settings.maxWebhookBytes(),
                new Deliveries(REMEMBERED_DELIVERIES, DELIVERY_WINDOW, clock), clock);
        http.createContext("/hooks/git", new WebhookHandler(webhooks, CONCURRENT_WEBHOOKS, this::pushed, metrics, log));
        http.createContext("/metrics", this::metrics);
        http.createContext("/healthz", this::health);
        http.createContext("/readyz", this::readiness);
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
     * sharded deployment; given the pushed ref (null when the delivery named none). Called from a thread of its own.
     */
    public void relayPushesTo(Consumer<String> relay) {
        this.relay = relay;
    }

    /** Also serves {@code handler} at {@code path}, such as the web page and its API. */
    public void route(String path, HttpHandler handler) {
        http.createContext(path, handler);
    }

    /** Asks for a cycle as an accepted push webhook does: here at once, and on the other replicas through the relay. */
    public String runAsPushed() {
        return pushed(null);
    }

    /** What a push tells the sender: whether its run starts now or after the cycle running. */
    private String pushed(String ref) {
        wakeups.request();
        relays.execute(() -> {
            try {
                relay.accept(ref);
            } catch (RuntimeException e) {
                log.accept("cannot pass the push on: " + e.getMessage());
            }
        });
        var progress = reconciler.progress();
        return switch (progress.phase()) {
            case IDLE -> "a run starts now";
            default -> "a run follows the cycle running since " + Health.seconds(
                    Duration.between(progress.since(), clock.instant())) + " ago";
        };
    }

    /** Blocks until the loop stopped ({@link #close}, or a failure the loop cannot go on from). */
    public void awaitStop() throws InterruptedException {
        loop.join();
    }

    /** Why the loop stopped on its own, such as running out of memory; empty when it was stopped or runs. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private boolean cycle() throws InterruptedException {
        try {
            RunReport report = reconciler.cycle();
            return report.exitCode() == 0;
        } catch (RuntimeException e) { // a bug: the loop goes on, backing off
            log.accept("cycle failed: " + e);
            return false;
        } catch (OutOfMemoryError e) {
            // Nothing is trusted after this: say what it was, stop, and let the process end non-zero (and restart).
            failure = "out of memory during a cycle (heap limit " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): " + e.getMessage();
            log.accept(failure + "; stopping. Raise the memory limit, or lower --max-total-bytes.");
            wakeups.stop();
            return false;
        }
    }

    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Exchanges.requestRead() || !Http.get(exchange)) {
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
            if (!Exchanges.requestRead() || !Http.get(exchange)) {
                return;
            }
            if (wakeups.stopped()) {
                Http.text(exchange, 503, failure == null ? "stopping" : "stopped: " + failure);
                return;
            }
            Health.Answer answer = health.live(reconciler.progress(), loop.isAlive(), clock.instant());
            Http.text(exchange, answer.status(), answer.text());
        }
    }

    private void readiness(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Exchanges.requestRead() || !Http.get(exchange)) {
                return;
            }
            Health.Answer answer = wakeups.stopped() ? new Health.Answer(503, "stopping")
                    : health.ready(reconciler.progress(), loop.isAlive(), clock.instant());
            Http.text(exchange, answer.status(), answer.text());
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Exchanges.requestRead() || !Http.get(exchange)) {
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
        relays.shutdown();
        relays.awaitTermination(5, TimeUnit.SECONDS);
        if (loop.isAlive()) {
            log.accept("Stopped with a cycle still running: if it was applying, its journal has no end and the next "
                    + "start rolls its steps back");
        } else {
            reconciler.close();
            log.accept("Stopped.");
        }
    }
}
