package io.nicsync.cluster;

import static io.nicsync.cluster.ShardLeadershipTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three replicas on fabric8's mock API server: a push one of them took reaches the other two as a run, once, and
 * never comes back to the one that passed it on; only the Lease verbs the election is granted are used.
 */
class PushRelayTest {
    private static final String NAMESPACE = "nicsync";

    private final LeaseServer server = new LeaseServer();
    private final Map<String, AtomicInteger> runs = new LinkedHashMap<>();
    private final Map<String, PushRelay> relays = new LinkedHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        relays.values().forEach(PushRelay::close);
        server.close();
    }

    @Test
    void aPushOneReplicaTookStartsARunOnEveryOther() throws Exception {
        start("nicsync-0", "nicsync-1", "nicsync-2");
        // Every replica has polled once and found no mark: nothing to relay yet.
        await("every replica polled", () -> server.requests().stream().map(LeaseServer.Request::replica)
                .distinct().count() == 3);

        relays.get("nicsync-0").announce("refs/heads/main");

        await("the push relayed to nicsync-1 and nicsync-2",
                () -> runs.get("nicsync-1").get() == 1 && runs.get("nicsync-2").get() == 1);
        assertThat(server.holder(NAMESPACE, "nicsync-push")).isEqualTo("nicsync-0");

        relays.get("nicsync-2").announce("refs/heads/main");

        await("the second push relayed to nicsync-0 and nicsync-1",
                () -> runs.get("nicsync-0").get() == 1 && runs.get("nicsync-1").get() == 2);
        waitPolls(3);
        assertThat(runs).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().get())
                .containsExactly("nicsync-0=1", "nicsync-1=2", "nicsync-2=1");
        assertThat(log).anyMatch(line -> line.startsWith("A push relayed by nicsync-0: a run starts now"));
        assertThat(server.requests()).extracting(LeaseServer.Request::method).containsOnly("GET", "POST", "PATCH");
        assertThat(server.requests()).allMatch(r -> r.path().contains("/namespaces/" + NAMESPACE + "/leases"));
    }

    @Test
    void aReplicaStartingAfterAPushDoesNotRunForItAgain() throws Exception {
        start("nicsync-0");
        relays.get("nicsync-0").announce("refs/heads/main");

        start("nicsync-1");
        waitPolls(3);

        assertThat(runs.get("nicsync-1").get()).as("its first cycle covers the push already").isZero();
    }

    private void start(String... replicas) {
        for (String replica : replicas) {
            LeadershipSettings settings = new LeadershipSettings(NAMESPACE, "nicsync", 1, replica,
                    Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(100));
            AtomicInteger count = new AtomicInteger();
            runs.put(replica, count);
            relays.put(replica, PushRelay.start(server.client(replica), settings, count::incrementAndGet, log::add));
        }
    }

    /** Lets every relay poll a few more times: what has not happened by then is not about to. */
    private void waitPolls(int polls) {
        List<Integer> before = new ArrayList<>();
        relays.keySet().forEach(r -> before.add(requestsOf(r)));
        await(polls + " more polls by every replica", () -> {
            int i = 0;
            for (String r : relays.keySet()) {
                if (requestsOf(r) < before.get(i++) + polls) {
                    return false;
                }
            }
            return true;
        });
    }

    private int requestsOf(String replica) {
        return (int) server.requests().stream().filter(r -> r.replica().equals(replica)).count();
    }
}
