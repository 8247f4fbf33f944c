package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.nicsync.schemas.SchemaDialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a JSON document that is not a desired-state file (a plan file) breaks its schema, each problem in the words
 * validation uses for YAML ({@code vms[0].vm.target "../x" is not valid: expected ...}), once each.
 */
public final class JsonSchemaProblems {
    private JsonSchemaProblems() {
    }

    /**
     * Every problem, those nearest the document's root first (a branch of a {@code oneOf} that does not fit adds
     * problems deeper down); none when {@code document} conforms to {@code schema}.
     */
    public static List<String> of(JsonNode schema, JsonNode document) {
        List<SchemaProblem> problems = new ArrayList<>();
        for (Error error : SchemaDialect.registry().getSchema(schema).validate(document)) {
            problems.add(SchemaMessages.describe(error, document, schema));
        }
        problems.sort(Comparator.comparingLong(p -> p.pointer().chars().filter(c -> c == '/').count()));
        Set<String> messages = new LinkedHashSet<>();
        problems.forEach(p -> messages.add(p.message()));
        return List.copyOf(messages);
    }
}
