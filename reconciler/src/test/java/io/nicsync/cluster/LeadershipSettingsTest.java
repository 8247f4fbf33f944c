package io.nicsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadershipSettingsTest {

    @Test
    void aReplicaOfTheDeploymentReadsItsSettingsFromTheEnvironment() {
        LeadershipSettings settings = LeadershipSettings.fromEnvironment(Map.of("NICSYNC_SHARDS", "6",
                "POD_NAMESPACE", "nicsync", "POD_NAME", "nicsync-6c9d7b-x2kq4", "HOSTNAME", "other")).orElseThrow();

        assertThat(settings.shards()).isEqualTo(6);
        assertThat(settings.namespace()).isEqualTo("nicsync");
        assertThat(settings.identity()).isEqualTo("nicsync-6c9d7b-x2kq4");
        assertThat(settings.leaseName(2)).isEqualTo("nicsync-shard-2");
    }

    @Test
    void withoutShardsThereIsNoElection() {
        assertThat(LeadershipSettings.fromEnvironment(Map.of("POD_NAMESPACE", "nicsync"))).isEmpty();
    }

    @Test
    void theHostnameNamesTheReplicaWithoutPodName() {
        assertThat(LeadershipSettings.fromEnvironment(Map.of("NICSYNC_SHARDS", "1", "POD_NAMESPACE", "nicsync",
                "HOSTNAME", "nicsync-0")).orElseThrow().identity()).isEqualTo("nicsync-0");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> LeadershipSettings.fromEnvironment(Map.of("NICSYNC_SHARDS", "six")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POD_NAMESPACE is not set")
                .hasMessageContaining("NICSYNC_SHARDS must be a number of at least 1, not 'six'")
                .hasMessageContaining("set POD_NAME (or HOSTNAME)");
    }

    @Test
    void timingsThatCouldLetTwoReplicasOwnAShardAreRefused() {
        assertThatThrownBy(() -> new LeadershipSettings("nicsync", "nicsync", 2, "a", Duration.ofSeconds(10),
                Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("must be shorter than the lease duration");
    }

    @Test
    void aTargetsShardIsStable() {
        // the CRC-32 of "prod" is 0xb5b41197: every replica and every release must agree on it
        assertThat(Shards.of("prod", 6)).isEqualTo((int) (0xb5b41197L % 6));
        assertThat(Shards.of("prod", 1)).isZero();
    }
}
