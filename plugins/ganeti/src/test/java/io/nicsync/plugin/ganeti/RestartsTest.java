package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

/** rec1's recorded jobs: NIC changes, a soft reboot (53), a hard reboot (54), a shutdown (55). */
class RestartsTest {
    private static final String REC1 = "rec1.ganeti.test";

    @Test
    void theNewestJobThatRebuiltTheVmCounts() {
        assertThat(Restarts.lastRebuild(Fixtures.json("jobs-rec1").path("data"), REC1)).isEqualTo(55);
    }

    @Test
    void aSoftRebootKeepsTheOldRuntimeRecordSoItRebuildsNothing() {
        assertThat(Restarts.lastRebuild(upTo(53), REC1)).isZero();
        assertThat(Restarts.lastRebuild(upTo(54), REC1)).isEqualTo(54);
    }

    @Test
    void jobsOfOtherInstancesDoNotCount() {
        assertThat(Restarts.lastRebuild(Fixtures.json("jobs-rec1").path("data"), "test1.ganeti.test")).isZero();
    }

    private static JsonNode upTo(long id) {
        ArrayNode out = Json.array();
        Fixtures.json("jobs-rec1").path("data").forEach(row -> {
            if (row.path(0).path(1).asLong() <= id) {
                out.add(row);
            }
        });
        return out;
    }
}
