package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** JSON Schema type names in the words of YAML users. */
final class Types {
    private Types() {
    }

    static String expected(JsonNode type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isTextual()) {
            return word(type.textValue());
        }
        List<String> words = new ArrayList<>();
        type.forEach(t -> words.add(word(t.asText())));
        return String.join(" or ", words);
    }

    private static String word(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "null" -> "empty";
            default -> type;
        };
    }
}
