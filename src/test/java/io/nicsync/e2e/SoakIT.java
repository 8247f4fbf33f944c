package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} for a bounded soak: 200 cycles while the desired state is pushed at random (blue's link, red
 * plugged or absent) and blue's link is changed behind nicsync's back. Once the pushes and the drift stop, the
 * loop converges; once it is closed, it leaves no thread and no file descriptor behind.
 */
class SoakIT extends KubevirtScenarioIT {
    private static final int CYCLES = 200;
    private static final java.util.regex.Pattern EVENT_LOOP = java.util.regex.Pattern.compile("vert\\.x-eventloop-thread-\\d+");

    @Test
    void twoHundredCyclesOfRandomPushesAndDriftEndConvergedWithoutLeaks() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        String commit = push(nics(false, false));
        warmUp();
        int threadsBefore = threads();
        java.util.Set<Thread> eventLoopsBefore = eventLoopThreads();
        java.util.Set<String> namesBefore = threadNames();
        Map<String, String> fdsBefore = fds();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        boolean blueDown = false;
        boolean red = false;
        int pushes = 0;
        int drifts = 0;

        // A step whose effect the drift undoes at once is not verified; it fails after 2 s instead of the policy's 30 s.
        ApplyOverrides shortSteps = new ApplyOverrides(null, null, Duration.ofSeconds(2));
        try (Served served = Served.start(git.url(), dir, Duration.ofMillis(20), shortSteps, r -> r)) {
            while (served.runs() < CYCLES) {
                switch (random.nextInt(40)) {
                    case 0 -> {
                        if (random.nextBoolean()) {
                            blueDown = !blueDown;
                        } else {
                            red = !red;
                        }
                        commit = push(nics(blueDown, red));
                        assertThat(served.push("refs/heads/main", Served.SECRET).statusCode()).isEqualTo(202);
                        pushes++;
                    }
                    case 1 -> {
                        kubevirt.editLink("blue", random.nextBoolean() ? "down" : "up");
                        drifts++;
                    }
                    default -> { }
                }
                Thread.sleep(random.nextInt(40));
            }
            String last = commit;
            Served.await(60, "a cycle that finds the last commit in place (seed " + seed + ")", () -> {
                JsonNode status = served.status();
                return status.path("outcome").asText().equals("no-changes") && status.path("commit").asText().equals(last);
            });
            Map<String, Double> metrics = served.metrics();
            System.out.printf("soak (seed %d): %d pushes, %d drifts; %s%n", seed, pushes, drifts,
                    new java.util.TreeMap<>(metrics).entrySet().stream()
                            .filter(e -> e.getKey().startsWith("nicsync_runs_total") || e.getKey().startsWith("nicsync_steps_total"))
                            .toList());
            assertThat(metrics.get("nicsync_runs_total{outcome=\"applied\"}")).as("seed " + seed).isPositive();
            assertThat(metrics.get("nicsync_run_duration_seconds_count")).isGreaterThanOrEqualTo(CYCLES);
        }

        assertThat(pushes).as("pushes, seed " + seed).isPositive();
        assertThat(drifts).as("drifts, seed " + seed).isPositive();
        assertThat(kubevirt.liveLink("blue")).isEqualTo(blueDown ? "down" : "up");
        assertConverged();
        // fabric8 runs a JVM-wide scheduler thread that ends itself once idle for 10 s, checked every 10 s. The
        // event loops of a Vert.x instance are a pool that starts its threads as connections need them, so the
        // simulated cluster's server and client (each with an instance of its own) may start some during the soak:
        // they are counted apart, below, once the simulated cluster is closed.
        Served.await(30, "threads back to " + threadsBefore, () -> threads() <= threadsBefore,
                () -> "new threads: " + newThreads(namesBefore));
        // The simulated cluster's own client pools its connections to the API server as it likes: it is closed
        // first. A socket nicsync left open would stay, waiting for nicsync to close it, and so would the event
        // loops of a Vert.x instance nicsync left open.
        kubevirt.close();
        kubevirt = null;
        Served.await(30, "no event loop started since the soak began", () -> newEventLoops(eventLoopsBefore).isEmpty(),
                () -> "new ones: " + newEventLoops(eventLoopsBefore));
        Served.await(30, "file descriptors back to " + fdsBefore.size(), () -> fds().size() <= fdsBefore.size(),
                () -> "new ones: " + newFds(fdsBefore));
    }

    /** One short serve first, so that what the JVM starts once and keeps (HTTP client, process reaper) is counted before. */
    private void warmUp() throws Exception {
        try (Served served = Served.start(git.url(), dir.resolve("warm-up"), Duration.ofHours(1), r -> r)) {
            Served.await(30, "the warm-up's first cycle", () -> served.status() != null);
            served.push("refs/heads/main", Served.SECRET);
            Served.await(30, "the warm-up's second cycle", () -> served.runs() == 2.0);
        }
    }

    private static String nics(boolean blueDown, boolean red) {
        String nics = """
                - name: blue
                  network: {multus: blue}
                  binding: bridge
                  link: %s
                """.formatted(blueDown ? "down" : "up");
        return nics + """
                - name: red
                  network: {multus: red}
                  binding: bridge
                  state: %s
                """.formatted(red ? "present" : "absent");
    }

    private static java.util.Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static java.util.Set<String> newThreads(java.util.Set<String> before) {
        java.util.Set<String> now = threadNames();
        now.removeAll(before);
        now.removeIf(name -> EVENT_LOOP.matcher(name).matches());
        return now;
    }

    /** Live threads, the Vert.x event loops aside ({@link #eventLoops}). */
    private static int threads() {
        return (int) (ManagementFactory.getThreadMXBean().getThreadCount() - eventLoops());
    }

    private static long eventLoops() {
        return eventLoopThreads().size();
    }

    private static java.util.Set<Thread> eventLoopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> EVENT_LOOP.matcher(t.getName()).matches())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static List<String> newEventLoops(java.util.Set<Thread> before) {
        return eventLoopThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName).toList();
    }

    /** This process's open file descriptors: number to what each is open on. */
    private static Map<String, String> fds() {
        Map<String, String> fds = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) all::iterator) {
                try {
                    fds.put(fd.getFileName().toString(), Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // closed while listed, or the directory stream's own descriptor
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fds;
    }

    private static List<String> newFds(Map<String, String> before) {
        return fds().entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + " -> " + e.getValue()).toList();
    }
}
