package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Turns one composed YAML document into a JSON tree and records where every node and key stands.
 * Duplicate keys and scalars without a JSON form are reported and left out, so the rest of the document is
 * still checked. An alias is expanded each time it is used; every expansion counts against
 * {@link Limits#maxNodesPerDocument()}, which is what stops an alias bomb before it takes the memory.
 */
final class TreeBuilder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final Limits limits;
    private final Diagnostics out;
    private final SourceMap positions = new SourceMap();
    private int nodes;

    /**
     * The document is too large to build; it is dropped with one error, at the key of the top-level member
     * whose expansion went over the limit (the node where it happened is an arbitrary leaf of an alias).
     */
    static final class TooLarge extends Exception {
        final Location at;

        TooLarge(Location at, String message) {
            super(message);
            this.at = at;
        }
    }

    private TooLarge tooLarge(String pointer, String message) {
        int second = pointer.indexOf('/', 1);
        String topLevel = second < 0 ? pointer : pointer.substring(0, second);
        return new TooLarge(positions.keyAt(topLevel), message);
    }

    private TreeBuilder(String file, Limits limits, Diagnostics out) {
        this.file = file;
        this.limits = limits;
        this.out = out;
    }

    static YamlDocument build(String file, int index, Node root, Limits limits, Diagnostics out) throws TooLarge {
        TreeBuilder builder = new TreeBuilder(file, limits, out);
        JsonNode tree = builder.convert(root, "", 0);
        return YamlDocument.of(file, index, tree, builder.positions);
    }

    private JsonNode convert(Node node, String pointer, int depth) throws TooLarge {
        Location at = Location.of(node.getStartMark());
        if (++nodes > limits.maxNodesPerDocument()) {
            throw tooLarge(pointer, "document expands to more than " + limits.maxNodesPerDocument()
                    + " nodes (an alias bomb?); refusing to read it");
        }
        if (depth > limits.maxDepth()) {
            throw tooLarge(pointer, "document is nested more than " + limits.maxDepth() + " levels deep");
        }
        positions.value(pointer, at);
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, pointer, at);
            case SequenceNode seq -> sequence(seq, pointer, depth);
            case MappingNode map -> mapping(map, pointer, depth);
            default -> JSON.nullNode();
        };
    }

    private JsonNode scalar(ScalarNode node, String pointer, Location at) {
        try {
            return Scalars.toJson(node);
        } catch (Scalars.Unsupported e) {
            out.error(file, at, e.getMessage());
            positions.reported(pointer);
            return JSON.nullNode();
        }
    }

    private ArrayNode sequence(SequenceNode node, String pointer, int depth) throws TooLarge {
        ArrayNode array = JSON.arrayNode();
        for (Node item : node.getValue()) {
            array.add(convert(item, Pointers.child(pointer, array.size()), depth + 1));
        }
        return array;
    }

    private ObjectNode mapping(MappingNode node, String pointer, int depth) throws TooLarge {
        ObjectNode object = JSON.objectNode();
        Map<String, Location> seen = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Location keyAt = Location.of(tuple.getKeyNode().getStartMark());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                out.error(file, keyAt, "a key must be a plain value, not a list or a mapping");
                continue;
            }
            String key = keyNode.getValue();
            Location first = seen.putIfAbsent(key, keyAt);
            if (first != null) {
                out.error(file, keyAt, "duplicate key \"" + key + "\" (first at line " + first + ")");
                continue;
            }
            String child = Pointers.child(pointer, key);
            positions.key(child, keyAt);
            object.set(key, convert(tuple.getValueNode(), child, depth + 1));
        }
        return object;
    }
}
