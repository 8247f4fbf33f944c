package io.nicsync.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.platforms.Plugins;
import io.nicsync.schemas.PublishedSchemas;
import io.nicsync.validate.JsonSchemaProblems;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plan files given by a user ({@code apply FILE}, {@code show FILE}): checked against {@code plan.schema.json} as the
 * installed plugins compose it before anything is read from them, so that a name that could never come from a
 * plan (a target {@code ../../x}), an unknown action or a stray key is refused with where it is.
 */
public final class SavedPlans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedPlans() {
    }

    /**
     * @throws TamperedPlanException the file does not follow the plan schema
     * @throws IOException the file is not JSON, or is of another format version
     */
    public static Plan read(String json, Plugins plugins) throws TamperedPlanException, IOException {
        JsonNode document = JSON.readTree(json);
        List<String> problems = JsonSchemaProblems.of(PublishedSchemas.plan(plugins), document);
        if (!problems.isEmpty()) {
            List<String> shown = new ArrayList<>(List.of("it does not follow " + PublishedSchemas.PLAN));
            shown.addAll(problems);
            throw new TamperedPlanException(PlanIntegrity.shown(shown));
        }
        return PlanFile.read(json);
    }
}
