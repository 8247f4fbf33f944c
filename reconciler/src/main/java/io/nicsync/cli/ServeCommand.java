package io.nicsync.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.nicsync.apply.ExitCode;
import io.nicsync.cluster.LeadershipSettings;
import io.nicsync.cluster.PushRelay;
import io.nicsync.cluster.ShardLeadership;
import io.nicsync.cluster.ShardListener;
import io.nicsync.notify.Notifier;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.serve.Server;
import io.nicsync.serve.web.WebPage;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicsync serve}: the reconcile cycle in a loop, with webhooks, metrics and status over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Reconcile in a loop, on an interval and on git push webhooks.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync serve --repo https://git.example.org/nics.git --interval 5m",
                "  nicsync serve --listen 0.0.0.0:8080 --webhook-secret-file /run/secrets/hook"},
        description = "Runs the reconcile cycle of reconcile --once in a loop, one cycle at a time: every --interval "
                + "(jittered by 10%%), after a failed cycle with exponential backoff, and at once on a git push "
                + "webhook. HTTP: GET / (a web page of the fleet, its runs and the plan), POST /hooks/git, "
                + "GET /metrics (Prometheus), GET /healthz, GET /readyz, GET /status (the last run's report). SIGTERM "
                + "stops taking runs and lets the running cycle end.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions targets;

    @Mixin
    RunOptions options;

    @Mixin
    SignatureOptions signatures;

    @Mixin
    NotifyOptions notify;

    @Mixin
    LogOptions logging;

    @Option(names = "--interval", paramLabel = "D", converter = DurationConverter.class, defaultValue = "2m",
            description = "Time between cycles (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where the HTTP server listens (default: ${DEFAULT-VALUE}, this machine only; a "
                    + "Deployment listens on 0.0.0.0:8080).")
    String listen;

    @Option(names = "--request-timeout", paramLabel = "D", converter = DurationConverter.class, defaultValue = "10s",
            description = "How long a client may take to send a request, headers and body (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--cycle-timeout", paramLabel = "D", converter = DurationConverter.class, defaultValue = "10m",
            description = "How long a cycle may fetch, validate, observe and plan before it is cut; applying is never "
                    + "cut (default: ${DEFAULT-VALUE}).")
    Duration cycleTimeout;

    @Option(names = "--webhook-provider", paramLabel = "NAME", split = ",",
            description = "Webhook schemes accepted: github, gitea, gitlab, generic (repeatable; default: github, "
                    + "gitea and generic, which sign the body).")
    List<String> webhookProviders = List.of("github", "gitea", "generic");

    @Option(names = "--webhook-secret-file", paramLabel = "FILE",
            description = "The webhook secret (default: $NICSYNC_WEBHOOK_SECRET; without either, webhooks are refused).")
    Path webhookSecretFile;

    @Option(names = "--run-token-file", paramLabel = "FILE",
            description = "The bearer token the web page's \"run now\" needs, at least 16 bytes (default: "
                    + "$NICSYNC_RUN_TOKEN; without either, the page is read-only).")
    Path runTokenFile;

    @Option(names = "--webhook-max-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest webhook body accepted; a larger one gets 413 (default: ${DEFAULT-VALUE}).")
    int webhookMaxBytes;

    @Option(names = "--backoff", paramLabel = "D", converter = DurationConverter.class, defaultValue = "10s",
            description = "Wait after a failed cycle, doubled after each further failure (default: ${DEFAULT-VALUE}).")
    Duration backoff;

    @Option(names = "--max-backoff", paramLabel = "D", converter = DurationConverter.class, defaultValue = "10m",
            description = "Longest wait after failed cycles (default: ${DEFAULT-VALUE}).")
    Duration maxBackoff;

    @Option(names = "--shutdown-grace", paramLabel = "D", converter = DurationConverter.class, defaultValue = "25s",
            description = "On SIGTERM, how long to let a running cycle end (default: ${DEFAULT-VALUE}); keep it below "
                    + "the pod's terminationGracePeriodSeconds.")
    Duration shutdownGrace;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EventLog log = logging.open(spec);
        PrintWriter out = log.infoWriter();
        PrintWriter err = log.problemWriter();
        if (webhookMaxBytes < 1 || webhookMaxBytes > 64 << 20) {
            throw new UserError("--webhook-max-bytes must be between 1 and " + (64 << 20) + ", not " + webhookMaxBytes);
        }
        byte[] secret = secret(webhookSecretFile, "NICSYNC_WEBHOOK_SECRET");
        byte[] runToken = secret(runTokenFile, "NICSYNC_RUN_TOKEN");
        try {
            WebPage.checkRunToken(runToken);
        } catch (IllegalArgumentException e) {
            throw new UserError((runTokenFile != null ? "--run-token-file " + runTokenFile : "NICSYNC_RUN_TOKEN")
                    + ": " + e.getMessage());
        }
        Optional<LeadershipSettings> sharding;
        try {
            sharding = LeadershipSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UserError("shard election: " + e.getMessage());
        }
        Server.Settings settings;
        try {
            settings = new Server.Settings(address(), interval, backoff, maxBackoff, secret, source.spec().ref(),
                    webhookMaxBytes, shutdownGrace, requestTimeout, new LinkedHashSet<>(webhookProviders));
        } catch (IllegalArgumentException e) {
            throw new UserError("--webhook-provider: " + e.getMessage());
        }
        Reconciler reconciler = RunOptions.reconciler(source, targets, options, signatures,
                "nicsync " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                new CycleLines(out, err));
        WebPage page = new WebPage(options.stateRoot(), reconciler.lastRunJson(), runToken, Clock.systemUTC(),
                line -> log(out, line));
        reconciler.listener(page.listener());
        Notifier notifier = notify.notifier(line -> log(err, "warning: " + line));
        if (notifier != null) {
            reconciler.listener(notifier);
        }
        KubernetesEvents events = KubernetesEvents.of(reconciler, System.getenv(),
                line -> log(err, "warning: " + line));
        if (sharding.isPresent()) {
            reconciler.ownership(target -> false); // nothing until the election says which shards are this replica's
        }
        reconciler.deadline(cycleTimeout);
        Server server;
        try {
            server = Server.start(settings, reconciler, line -> log(out, line));
            page.routes(server::runAsPushed).forEach(server::route);
            if (notifier != null) {
                count(notifier, server);
            }
        } catch (java.io.IOException e) {
            reconciler.close();
            throw new UserError("cannot listen on " + listen + ": " + e.getMessage());
        }
        KubernetesClient cluster = sharding.isPresent() ? new KubernetesClientBuilder().build() : null;
        ShardLeadership leadership = sharding.map(election -> elect(cluster, election, reconciler, server, out))
                .orElse(null);
        // A push webhook reaches one replica through the Service; the relay starts a run on the others too.
        PushRelay relay = sharding.map(election -> PushRelay.start(cluster, election, server::requestRun,
                line -> log(out, line))).orElse(null);
        if (relay != null) {
            server.relayPushesTo(relay::announce);
        }
        log.info("Serving on " + server.address().getHostString() + ":" + server.address().getPort()
                + ": the page at /, POST /hooks/git, GET /metrics, /healthz, /readyz, /status" + (secret == null
                ? "; webhooks are refused: no secret (NICSYNC_WEBHOOK_SECRET or --webhook-secret-file)" : "")
                + (runToken == null ? "; the page is read-only: no run token (NICSYNC_RUN_TOKEN or --run-token-file)"
                : ""));
        Thread stop = Thread.ofPlatform().name("nicsync-shutdown").unstarted(() -> {
            try {
                server.close();
                if (notifier != null) {
                    notifier.close(Duration.ofSeconds(5));
                }
                if (events != null) {
                    events.close(Duration.ofSeconds(5));
                }
                if (leadership != null) {
                    relay.close();
                    leadership.close(); // after the last cycle: the Leases go to another replica at once
                    cluster.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        server.awaitStop();
        return server.failure().isPresent() ? ExitCode.ERROR.code() : ExitCode.OK.code();
    }

    /**
     * Contends for the shards NICSYNC_SHARDS asks for; the reconciler then works only on the targets of the shards
     * this replica holds, and a gained shard starts a cycle at once.
     */
    private static ShardLeadership elect(KubernetesClient cluster, LeadershipSettings settings, Reconciler reconciler,
            Server server, PrintWriter out) {
        ShardLeadership leadership = ShardLeadership.start(cluster, settings,
                new ShardListener() {
                    @Override
                    public void gained(int shard) {
                        log(out, "Now holding shard " + shard + " (Lease " + settings.leaseName(shard) + ")");
                        server.requestRun();
                    }

                    @Override
                    public void lost(int shard) {
                        log(out, "No longer holding shard " + shard + " (Lease " + settings.leaseName(shard) + ")");
                    }
                });
        reconciler.ownership(leadership);
        log(out, "Contending for " + settings.shards() + " shard(s) in namespace " + settings.namespace() + " as "
                + settings.identity());
        return leadership;
    }

    /** {@code nicsync_notifications_total{result="sent|failed|dropped"}} in /metrics. */
    private static void count(Notifier notifier, Server server) {
        CounterWithCallback.builder().name("nicsync_notifications_total")
                .help("Notifications by result: sent, failed (given up after its tries), dropped (the queue was full)")
                .labelNames("result").callback(c -> {
                    c.call(notifier.sent(), "sent");
                    c.call(notifier.failed(), "failed");
                    c.call(notifier.dropped(), "dropped");
                }).register(server.registry());
    }

    private static void log(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** The secret in {@code file}, else in the environment variable {@code variable}; null when neither has one. */
    private static byte[] secret(Path file, String variable) throws java.io.IOException {
        String value = file != null ? Files.readString(file, StandardCharsets.UTF_8) : System.getenv(variable);
        if (value == null || value.strip().isEmpty()) {
            return null;
        }
        return value.strip().getBytes(StandardCharsets.UTF_8);
    }

    private InetSocketAddress address() throws UserError {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new UserError("--listen must be HOST:PORT, such as 0.0.0.0:8080 or 127.0.0.1:9090, not '" + listen + "'");
        }
        String host = listen.substring(0, colon).replaceAll("^\\[|]$", "");
        String port = listen.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new UserError("--listen: '" + port + "' is not a port number");
        }
        return new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, Integer.parseInt(port));
    }
}
