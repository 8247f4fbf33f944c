package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML scalar as a JSON value, following the tag the YAML 1.2 core schema resolved: so {@code on},
 * {@code yes} and {@code 52:54:00:12:34:56} stay strings (they were booleans and a base-60 number in YAML
 * 1.1), {@code 2} is an integer and {@code true} a boolean. Other tags (binary, timestamps, custom ones)
 * have no JSON form and are refused.
 */
final class Scalars {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Scalars() {
    }

    /** Thrown for a scalar that has no JSON form; the message is for the user. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    static JsonNode toJson(ScalarNode node) throws Unsupported {
        Tag tag = node.getTag();
        String value = node.getValue();
        if (tag.equals(Tag.STR)) {
            return JSON.textNode(value);
        }
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return JSON.booleanNode(value.toLowerCase(Locale.ROOT).equals("true"));
        }
        try {
            if (tag.equals(Tag.INT)) {
                return integer(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                return JSON.numberNode(floating(value));
            }
        } catch (NumberFormatException e) {
            throw new Unsupported("\"" + value + "\" is not a valid " + (tag.equals(Tag.INT) ? "integer" : "number"));
        }
        throw new Unsupported("unsupported YAML tag " + tag.getValue().replace(Tag.PREFIX, "!!")
                + ": only strings, numbers, booleans and null are allowed");
    }

    private static JsonNode integer(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        BigInteger value = t.startsWith("0x") ? new BigInteger(t.substring(2), 16)
                : t.startsWith("0o") ? new BigInteger(t.substring(2), 8)
                : new BigInteger(t);
        if (value.bitLength() < 32) {
            return JSON.numberNode(value.intValue());
        }
        return value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
    }

    private static double floating(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
