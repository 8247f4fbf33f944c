package io.nicsync.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlanFileTest {
    private final Plan plan = Scenario.load("unplug-absent").plan();

    @Test
    void writes_every_steps_inverse_for_readers_of_the_file() {
        var json = PlanFile.write(plan);
        assertThat(json).contains("\"inverse\" : {\n      \"action\" : \"add\"");
    }

    @Test
    void reads_from_a_reader_what_it_wrote() throws IOException {
        assertThat(PlanFile.read(new StringReader(PlanFile.write(plan)))).isEqualTo(plan);
    }

    @Test
    void refuses_another_format_version() {
        var json = PlanFile.write(plan).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> PlanFile.read(json)).isInstanceOf(IOException.class)
                .hasMessageContaining("plan file format 2 is not supported");
    }

    @Test
    void the_json_view_prints_the_plan_file() {
        var out = new StringWriter();
        new JsonPlanView().render(plan, new PrintWriter(out));
        assertThat(out).hasToString(PlanFile.write(plan));
    }

    /** serve's metrics name steps by this: the same names a plan file has, for every kind of step planned. */
    @Test
    void names_each_steps_action_as_the_plan_file_does() throws IOException {
        Set<String> actions = new TreeSet<>();
        for (String name : Scenario.names().toList()) {
            Plan planned = Scenario.load(name).plan();
            JsonNode written = new ObjectMapper().readTree(PlanFile.write(planned)).path("steps");
            for (int i = 0; i < planned.steps().size(); i++) {
                String action = planned.steps().get(i).action().word();
                assertThat(action).isEqualTo(written.get(i).path("action").asText());
                actions.add(action);
            }
        }
        assertThat(actions).contains("add", "unplug", "set-link", "persist", "restart-required");
    }

    @Test
    void the_schema_rejects_a_step_without_its_action() {
        var json = PlanFile.write(plan).replaceFirst("\"action\" : \"set-link\",", "");
        assertThat(PlanSchema.problems(json)).isNotEmpty();
    }
}
