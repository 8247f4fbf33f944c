package io.nicsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three replicas of nicsync serve electing the owners of six shards on fabric8's mock API server. Lease times
 * are short; every wait polls up to a generous deadline.
 */
class ShardLeadershipTest {
    static final String NAMESPACE = "nicsync";
    static final int SHARDS = 6;
    static final List<String> REPLICAS = List.of("nicsync-7d9f8-a", "nicsync-7d9f8-b", "nicsync-7d9f8-c");

    LeaseServer server;
    Holders holders = new Holders();
    Map<String, ShardLeadership> replicas = new LinkedHashMap<>();

    @BeforeEach
    void startReplicas() {
        server = new LeaseServer();
        REPLICAS.forEach(this::start);
    }

    @AfterEach
    void stop() {
        replicas.values().forEach(ShardLeadership::close);
        server.close();
    }

    @Test
    void everyShardHasExactlyOneLeaderAndTheShardsSpread() {
        await("every shard owned by exactly one replica", () -> holders.allOwnedOnce(SHARDS));

        for (int shard = 0; shard < SHARDS; shard++) {
            String owner = holders.owner(shard);
            assertThat(server.holder(NAMESPACE, "nicsync-shard-" + shard)).as("Lease of shard %d", shard)
                    .isEqualTo(owner);
            for (var replica : replicas.entrySet()) {
                assertThat(replica.getValue().ownedShards().contains(shard)).as("%s owns shard %d", replica.getKey(),
                        shard).isEqualTo(replica.getKey().equals(owner));
            }
        }
        // the replicas' first choices differ, and they started well within one stagger of each other
        assertThat(REPLICAS.stream().map(r -> Shards.preferenceOrder(r, SHARDS).get(0)).distinct()).hasSize(3);
        assertThat(replicas.values()).allSatisfy(r -> assertThat(r.ownedShards()).isNotEmpty());
        assertThat(holders.overlaps()).isEmpty();
    }

    @Test
    void ownsAnswersForTheShardOfATarget() {
        await("every shard owned by exactly one replica", () -> holders.allOwnedOnce(SHARDS));

        for (String target : List.of("lab", "prod", "prod-eu", "kv-west", "hv1", "hv2", "hv3")) {
            int shard = Shards.of(target, SHARDS);
            List<String> owners = replicas.entrySet().stream().filter(r -> r.getValue().owns(target))
                    .map(Map.Entry::getKey).toList();
            assertThat(owners).as(target).containsExactly(holders.owner(shard));
        }
    }

    @Test
    void anotherReplicaTakesOverWhenTheLeaderStops() {
        await("every shard owned by exactly one replica", () -> holders.allOwnedOnce(SHARDS));
        String leader = holders.owner(0);
        Set<Integer> itsShards = replicas.get(leader).ownedShards();

        replicas.remove(leader).close();

        await("the survivors own every shard", () -> holders.allOwnedOnce(SHARDS));
        for (int shard : itsShards) {
            assertThat(holders.owner(shard)).isNotEqualTo(leader).isIn(replicas.keySet());
            assertThat(server.holder(NAMESPACE, "nicsync-shard-" + shard)).isEqualTo(holders.owner(shard));
        }
        assertThat(holders.overlaps()).isEmpty();
    }

    @Test
    void aLeaderCutOffFromTheApiServerGivesUpBeforeAnotherTakesOver() {
        await("every shard owned by exactly one replica", () -> holders.allOwnedOnce(SHARDS));
        String leader = holders.owner(0);
        String targetOfShard0 = IntStream.range(0, 1000).mapToObj(i -> "target-" + i)
                .filter(t -> Shards.of(t, SHARDS) == 0).findFirst().orElseThrow();

        server.cutOff(leader);

        await("the cut-off leader gives its shards up", () -> replicas.get(leader).ownedShards().isEmpty());
        assertThat(replicas.get(leader).owns(targetOfShard0)).isFalse();
        await("the others own every shard", () -> holders.allOwnedOnce(SHARDS)
                && IntStream.range(0, SHARDS).mapToObj(holders::owner).noneMatch(leader::equals));
        assertThat(holders.overlaps()).isEmpty();
    }

    @Test
    void theLeasesAreOnlyRead_createdAndPatched() {
        await("every shard owned by exactly one replica", () -> holders.allOwnedOnce(SHARDS));
        replicas.remove(holders.owner(0)).close();
        await("the survivors own every shard", () -> holders.allOwnedOnce(SHARDS));

        Set<String> calls = server.requests().stream()
                .map(r -> r.method() + " " + r.path().replaceAll("shard-\\d+", "shard-N"))
                .collect(Collectors.toSet());
        assertThat(calls).containsExactlyInAnyOrder(
                "GET /apis/coordination.k8s.io/v1/namespaces/nicsync/leases/nicsync-shard-N",
                "POST /apis/coordination.k8s.io/v1/namespaces/nicsync/leases",
                "PATCH /apis/coordination.k8s.io/v1/namespaces/nicsync/leases/nicsync-shard-N");
    }

    private void start(String replica) {
        LeadershipSettings settings = new LeadershipSettings(NAMESPACE, "nicsync", SHARDS, replica,
                Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMillis(250), Duration.ofMillis(750));
        replicas.put(replica, ShardLeadership.start(server.client(replica), settings, holders.of(replica)));
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
