package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Turns networknt's errors into messages a user understands: each keyword gets its own sentence, built
 * from the document (the value written) and the raw schema (the keys allowed, the values expected).
 */
final class SchemaMessages {
    private SchemaMessages() {
    }

    static SchemaProblem describe(Error error, JsonNode document, JsonNode schema) {
        String at = pointer(error.getInstanceLocation());
        String path = Pointers.human(at);
        JsonNode rule = schema.at(Pointers.parent(pointer(error.getSchemaLocation().getFragment())));
        JsonNode value = document.at(at);
        return switch (error.getKeyword()) {
            case "additionalProperties" -> unknownKey(at, error.getProperty(), rule);
            case "required" -> new SchemaProblem(at, false,
                    (at.isEmpty() ? "" : path + " is ") + "missing required key \"" + error.getProperty() + "\"");
            case "enum" -> new SchemaProblem(at, false,
                    path + " must be one of: " + join(rule.get("enum")) + " (got " + Values.quote(value) + ")");
            case "const" -> new SchemaProblem(at, false, path + " must be " + Values.quote(rule.get("const")));
            case "type" -> new SchemaProblem(at, false,
                    path + " must be " + Types.expected(rule.get("type")) + ", not " + Values.describe(value));
            case "pattern" -> new SchemaProblem(at, false, path + " " + Values.quote(value) + " is not valid: expected "
                    + rule.path("x-expected").asText("a value matching " + rule.path("pattern").asText()));
            case "minimum" -> new SchemaProblem(at, false, path + " must be at least " + rule.get("minimum"));
            case "maximum" -> new SchemaProblem(at, false, path + " must be at most " + rule.get("maximum"));
            case "minLength" -> new SchemaProblem(at, false, path + " must not be empty");
            case "maxLength" -> new SchemaProblem(at, false,
                    path + " is too long: at most " + rule.get("maxLength") + " characters");
            case "minItems" -> new SchemaProblem(at, false, path + " must have at least " + rule.get("minItems")
                    + (rule.get("minItems").asInt() == 1 ? " entry" : " entries"));
            case "minProperties", "maxProperties" -> new SchemaProblem(at, false, path + " must have exactly one of: "
                    + String.join(", ", names(rule.path("properties"))) + " (found: "
                    + (value.isEmpty() ? "none" : String.join(", ", names(value))) + ")");
            default -> new SchemaProblem(at, false, path + ": " + error.getMessage());
        };
    }

    private static SchemaProblem unknownKey(String at, String key, JsonNode rule) {
        List<String> allowed = names(rule.path("properties"));
        String where = at.isEmpty() ? "" : " in " + Pointers.human(at);
        String hint = Suggestions.closest(key, allowed).map(s -> ": did you mean \"" + s + "\"?").orElse("");
        String list = allowed.isEmpty() ? "no keys allowed here" : "allowed: " + String.join(", ", allowed);
        return new SchemaProblem(Pointers.child(at, key), true,
                "unknown key \"" + key + "\"" + where + hint + " (" + list + ")");
    }

    /** A networknt path as a JSON Pointer; its elements are property names and array indexes. */
    static String pointer(NodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index
                    ? Pointers.child(pointer, index)
                    : Pointers.child(pointer, String.valueOf(element));
        }
        return pointer;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String join(JsonNode array) {
        return String.join(", ", StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList());
    }
}
