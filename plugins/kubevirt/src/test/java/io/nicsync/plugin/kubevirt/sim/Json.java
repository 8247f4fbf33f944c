package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Predicate;

/** Small helpers over Jackson trees: objects and arrays created on the way down, entries found by name. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode obj(ObjectNode node, String... path) {
        ObjectNode at = node;
        for (String key : path) {
            JsonNode next = at.get(key);
            at = next instanceof ObjectNode o ? o : at.putObject(key);
        }
        return at;
    }

    /** The array at {@code path}, created empty when missing. */
    static ArrayNode arr(ObjectNode node, String... path) {
        ObjectNode parent = obj(node, java.util.Arrays.copyOf(path, path.length - 1));
        String last = path[path.length - 1];
        JsonNode existing = parent.get(last);
        return existing instanceof ArrayNode a ? a : parent.putArray(last);
    }

    static Optional<ObjectNode> named(ArrayNode array, String name) {
        return find(array, e -> name.equals(e.path("name").asText(null)));
    }

    static Optional<ObjectNode> find(ArrayNode array, Predicate<ObjectNode> test) {
        for (JsonNode e : array) {
            if (e instanceof ObjectNode o && test.test(o)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    static boolean removeNamed(ArrayNode array, String name) {
        for (int i = 0; i < array.size(); i++) {
            if (name.equals(array.get(i).path("name").asText(null))) {
                array.remove(i);
                return true;
            }
        }
        return false;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
