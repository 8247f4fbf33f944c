package io.nicsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.OperatorAllows;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimCluster;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.plugin.kubevirt.sim.Ticker;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.serve.Server;
import io.nicsync.source.SourceSpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * grafana-dashboard.json queries only what nicsync exports: every metric name in every PromQL expression is one a
 * real {@code serve}, started here against the simulated KubeVirt cluster, lists on its {@code /metrics}.
 */
class DashboardTest {
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private static final byte[] SECRET = "dashboard-test-secret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void everyMetricTheDashboardQueriesIsOneServeExports() throws Exception {
        List<String> expressions = expressions();
        Set<String> exported = exported();

        assertThat(expressions).hasSizeGreaterThan(10);
        Set<String> queried = new TreeSet<>();
        for (String expr : expressions) {
            Set<String> metrics = metricNames(expr);
            assertThat(metrics).as(expr).isNotEmpty().allMatch(m -> m.startsWith("nicsync_"));
            queried.addAll(metrics);
        }
        assertThat(exported).as("what /metrics lists").contains("nicsync_runs_total", "nicsync_drifted_vms");
        assertThat(queried).as("metrics the dashboard queries that serve does not export").isSubsetOf(exported);
        assertThat(queried).as("runs, steps, drift, restarts, durations").contains("nicsync_runs_total",
                "nicsync_steps_total", "nicsync_drifted_vms", "nicsync_restart_required_vms",
                "nicsync_run_duration_seconds_bucket");
    }

    @Test
    void metricNamesAreToldFromFunctionsLabelsAndRanges() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(nicsync_x_bucket{a=\"b c\"}"
                + "[$__rate_interval])))")).containsExactly("nicsync_x_bucket");
        assertThat(metricNames("time() - max(nicsync_t) / on (job) group_left up")).containsExactly("nicsync_t", "up");
    }

    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> expressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Manifests.DIR.resolve("grafana-dashboard.json")));
        List<String> out = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> out.add(t.path("expr").asText())));
        return out;
    }

    /**
     * The sample names of a real serve's /metrics once it applied a change on the simulated KubeVirt cluster and took
     * a push webhook (a metric with labels has no sample before): each family's {@code # TYPE} line, a histogram with
     * its {@code _bucket}, {@code _sum} and {@code _count}, and every sample line.
     */
    private Set<String> exported() throws Exception {
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6))) {
            for (String nad : List.of("blue", "red")) {
                cluster.sim().createNad("prod", nad);
            }
            cluster.sim().createVm(Fixtures.web01());
            cluster.sim().start("prod", "web-01");
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), cluster.kubeconfig("sim"));
            Path repo = repository(kubeconfig);
            Ticker ticker = Ticker.start(cluster.sim(), Duration.ofMillis(100));
            SourceSpec source = new SourceSpec(repo.toString(), null, null, dir.resolve("cache"), null);
            // the repository names the test's kubeconfig: the operator allows it, as --allow-file would
            TargetOverrides allowed = TargetOverrides.NONE.allowing(new OperatorAllows(List.of(), List.of(dir + "/")));
            Reconciler reconciler = new Reconciler(new Reconciler.Settings(source, Selection.ALL, allowed,
                    dir.resolve("state"), Duration.ZERO, ApplyOverrides.NONE, "nicsync serve (test)"),
                    Plugins.installed(), Clock.systemUTC(), Sleeper.REAL);
            Server server = Server.start(new Server.Settings(new InetSocketAddress("127.0.0.1", 0), Duration.ofHours(1),
                    Duration.ofHours(1), Duration.ofHours(1), SECRET, null, 1024, Duration.ofSeconds(30)), reconciler,
                    line -> { });
            try (HttpClient http = HttpClient.newHttpClient()) {
                URI base = URI.create("http://127.0.0.1:" + server.address().getPort());
                String body = scrape(http, base, "nicsync_last_applied_commit_info{");
                assertThat(body).as("the first cycle applied red").contains("nicsync_runs_total{outcome=\"applied\"}");
                String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
                HttpResponse<String> push = http.send(HttpRequest.newBuilder(base.resolve("/hooks/git"))
                        .header("X-Nicsync-Timestamp", timestamp)
                        .header("X-Nicsync-Signature", "sha256=" + hmac(timestamp + ".{}"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(push.statusCode()).as(push.body()).isEqualTo(202);
                return names(scrape(http, base, "nicsync_webhooks_total{"));
            } finally {
                server.close();
                ticker.close();
            }
        }
    }

    /** nicsync.yaml with the cluster as target {@code sim}, and web-01 with blue (as it has) and red (to plug). */
    private Path repository(Path kubeconfig) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("nicsync.yaml"), """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - {name: sim, kind: kubevirt, kubeconfig: "%s", context: sim}
                """.formatted(kubeconfig));
        Files.writeString(repo.resolve("web-01.yaml"), """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: web-01, namespace: prod, target: sim}
                spec:
                  nics:
                    - {name: blue, network: {multus: blue}, binding: bridge}
                    - {name: red, network: {multus: red}, binding: bridge}
                """);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("web-01: blue and red").setAuthor("Ada", "ada@example.org")
                    .setCommitter("Ada", "ada@example.org").setSign(false).call();
        }
        return repo;
    }

    private static String scrape(HttpClient http, URI base, String until) throws Exception {
        String body = "";
        for (int i = 0; i < 1200 && !body.contains(until); i++) {
            Thread.sleep(50);
            body = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(body).as("/metrics within 60 s").contains(until);
        return body;
    }

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.lines().toList()) {
            String[] words = line.split("\\s+");
            if (line.startsWith("# TYPE ")) {
                names.add(words[2]);
                if (words[3].equals("histogram")) {
                    List.of("_bucket", "_sum", "_count").forEach(s -> names.add(words[2] + s));
                }
            } else if (!line.startsWith("#") && !line.isBlank()) {
                names.add(words[0].replaceAll("\\{.*", ""));
            }
        }
        return names;
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
