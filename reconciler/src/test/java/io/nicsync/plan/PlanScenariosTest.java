package io.nicsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans every case under {@code src/test/resources/plan/} and compares it with the case's goldens. To
 * rewrite the goldens after an intended change, run with {@code -Dnicsync.regenerateGoldens=true} (or the
 * environment variable {@code NICSYNC_REGENERATE_GOLDENS=1}) and review the diff before committing.
 */
class PlanScenariosTest {
    private static final boolean REGENERATE = Boolean.getBoolean("nicsync.regenerateGoldens")
            || "1".equals(System.getenv("NICSYNC_REGENERATE_GOLDENS"));

    static Stream<String> cases() throws IOException {
        return Scenario.names();
    }

    @Test
    void there_are_enough_cases_to_cover_the_source_flows() throws IOException {
        assertThat(Scenario.names()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plan_matches_its_golden_and_the_schema(String name) throws IOException {
        var scenario = Scenario.load(name);
        var plan = scenario.plan();
        var json = PlanFile.write(plan);
        var text = human(plan);
        if (REGENERATE) {
            Files.writeString(scenario.golden("plan.json"), json);
            Files.writeString(scenario.golden("plan.txt"), text);
        }
        assertThat(json).isEqualTo(Files.readString(scenario.golden("plan.json")));
        assertThat(text).isEqualTo(Files.readString(scenario.golden("plan.txt")));
        assertThat(PlanSchema.problems(json)).isEmpty();
        assertThat(PlanFile.read(json)).isEqualTo(plan);
    }

    static String human(Plan plan) {
        var out = new StringWriter();
        new HumanPlanView().render(plan, new PrintWriter(out));
        return out.toString();
    }
}
