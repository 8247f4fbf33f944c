package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Observing every instance of the lab cluster through the plugin against raw reads, in the same JVM: Ganeti's bulk
 * read {@code GET /2/instances?bulk=1}, and the query the plugin sends ({@code PUT /2/query/instance} with its
 * fields), each through the JDK's HttpClient with the same TLS set-up and read into a Jackson tree. The second
 * shows what the plugin itself adds. Creates {@code COUNT} stopped diskless instances with two NICs each ({@code bench-obs-*})
 * and removes them again, also after a failure. Run by {@code plugins/ganeti/src/test/bench/observe.sh}.
 */
final class ObserveBench {
    private static final String PREFIX = "bench-obs-";
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 30);
    private static final int RUNS = Integer.getInteger("bench.runs", 21);

    private ObserveBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        removeAll();
        try (Target target = GanetiLab.open(); Raw raw = new Raw()) {
            long t0 = System.nanoTime();
            create(count);
            System.out.printf("created %d stopped instances with 2 NICs each in %d ms%n", count, ms(t0));
            int seen = 0;
            for (int i = 0; i < WARM_UP; i++) {
                seen = target.observeAll().size();
                raw.read();
            }
            long[] observe = new long[RUNS];
            long[] bulk = new long[RUNS];
            long[] query = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                // rotating which goes first keeps whatever the previous pass left from landing on one side
                Pass[] passes = {raw::read, raw::query, target::observeAll};
                long[][] into = {bulk, query, observe};
                for (int k = 0; k < 3; k++) {
                    int j = (i + k) % 3;
                    into[j][i] = time(passes[j]);
                }
            }
            List<LiveVm> vms = target.observeAll();
            long nics = vms.stream().mapToLong(v -> v.nics().size()).sum();
            System.out.printf("instances observed: %d (%d NICs); RAPI requests per observation: 1%n", seen, nics);
            System.out.printf("raw GET /2/instances?bulk=1: median %.1f ms%n", median(bulk) / 1e6);
            System.out.printf("raw PUT /2/query/instance:   median %.1f ms (the plugin's fields)%n", median(query) / 1e6);
            System.out.printf("plugin observeAll:           median %.1f ms%n", median(observe) / 1e6);
            System.out.printf("observe/raw-query ratio: %.2f%n", (double) median(observe) / median(query));
            System.out.printf("observe/raw ratio: %.2f%n", (double) median(observe) / median(bulk));
        } finally {
            removeAll();
        }
    }

    /** The baseline: one bulk request and a JSON tree, nothing else. */
    private static final class Raw implements AutoCloseable {
        private final HttpClient http;
        private final String authorization;
        private final URI uri;

        Raw() throws Exception {
            var settings = GanetiLab.settings();
            var trust = ServerTrust.of(RapiSettings.certificates(settings.get("caFile")), Optional.empty(),
                    settings.get("tlsName"));
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trust.context()).build();
            String password = Files.readAllLines(Path.of(settings.get("passwordFile"))).getFirst();
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((settings.get("user") + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            this.uri = URI.create(settings.get("rapi") + "/2/instances?bulk=1");
        }

        JsonNode read() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(r.body());
        }

        JsonNode query() throws Exception {
            ObjectNode body = Json.object();
            Instance.FIELDS.forEach(body.putArray("fields")::add);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri.resolve("/2/query/instance"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(r.body());
        }

        @Override
        public void close() {
            http.close();
        }
    }

    private static void create(int count) {
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode body = Json.object().put("__version__", 1).put("mode", "create")
                    .put("name", PREFIX + i + ".ganeti.test").put("disk_template", "diskless").put("os_type", "noop")
                    .put("pnode", GanetiLab.get("NODE")).put("name_check", false).put("ip_check", false)
                    .put("start", false);
            body.putArray("disks");
            var nics = body.putArray("nics");
            nics.addObject().put("link", "gnt-br0").put("name", "eth0");
            nics.addObject().put("link", "gnt-br1").put("name", "eth1");
            body.putObject("beparams").put("memory", 128).put("vcpus", 1);
            jobs.add(GanetiLab.rapi("POST", "/2/instances", body.toString()).asLong());
        }
        for (long id : jobs) {
            GanetiLab.await("job " + id, java.time.Duration.ofMinutes(5),
                    () -> !GanetiLab.rapi("GET", "/2/jobs/" + id, null).path("status").asText().matches("queued|waiting|running"));
        }
    }

    private static void removeAll() {
        for (JsonNode i : GanetiLab.rapi("GET", "/2/instances", null)) {
            String name = i.path("id").asText();
            if (name.startsWith(PREFIX)) {
                GanetiLab.job("DELETE", "/2/instances/" + name, "{\"shutdown_timeout\": 0}");
            }
        }
    }

    @FunctionalInterface
    private interface Pass {
        Object run() throws Exception;
    }

    private static long time(Pass pass) throws Exception {
        long t0 = System.nanoTime();
        pass.run();
        return System.nanoTime() - t0;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
