package io.nicsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nicsync.spi.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ordering rules on one fixture pair: {@code ordering/unsorted.json} holds steps of two VMs in a
 * scrambled order, {@code ordering/sorted.json} the order they must run in (per VM: carrier down before its
 * unplug, unplugs, removals from the persistent definition, repoint, add, migrate after its staged
 * entries, link changes, persist, restart; the link change of a live-only NIC ahead of its unpersist).
 */
class StepOrderTest {

    private static List<Step> read(String file) throws IOException {
        return PlanJson.MAPPER.readValue(Scenario.ROOT.resolve("ordering").resolve(file).toFile(),
                new TypeReference<List<Step>>() { });
    }

    @Test
    void sorts_the_unsorted_fixture_into_the_sorted_one() throws IOException {
        assertThat(StepOrder.sort(read("unsorted.json"))).containsExactlyElementsOf(read("sorted.json"));
    }

    @Test
    void the_order_does_not_depend_on_the_input_order_across_kinds() throws IOException {
        var sorted = read("sorted.json");
        var shuffled = new ArrayList<>(sorted);
        for (long seed = 0; seed < 20; seed++) {
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(StepOrder.sort(shuffled)).containsExactlyElementsOf(sorted);
        }
    }
}
