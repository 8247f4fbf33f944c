package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** How messages show a value the user wrote. */
final class Values {
    private Values() {
    }

    /** {@code "text"} for a string, the literal for anything else. */
    static String quote(JsonNode value) {
        return value.isTextual() ? "\"" + value.textValue() + "\"" : value.toString();
    }

    /** What kind of value it is, for "must be X, not Y" messages. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string " + quote(value);
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        if (value.isBoolean()) {
            return "the boolean " + value;
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "an empty value";
    }
}
