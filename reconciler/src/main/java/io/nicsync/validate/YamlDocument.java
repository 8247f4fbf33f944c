package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of a YAML file as a JSON tree, with the position of every node.
 *
 * @param index 0-based position of the document in its file
 */
record YamlDocument(String file, int index, JsonNode root, SourceMap positions) {

    Location at(String pointer) {
        return positions.at(pointer);
    }

    Location keyAt(String pointer) {
        return positions.keyAt(pointer);
    }

    /** The text at {@code pointer}, or null when absent or not a string. */
    String text(String pointer) {
        JsonNode node = root.at(pointer);
        return node.isTextual() ? node.textValue() : null;
    }

    /** {@code file:line:col} of a node, for messages that refer to another place. */
    String where(String pointer) {
        return file + ":" + at(pointer);
    }
}
