package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * One document of a YAML file as a JSON tree, with the position of every node.
 *
 * @param index 0-based position of the document in its file
 * @param read the tree and the positions: as read, or once its file's own checks are done, the file read again
 *     when they are asked for ({@link ReadAgain})
 */
record YamlDocument(String file, int index, Supplier<Read> read) {

    /** A document's tree and the positions of its nodes. */
    record Read(JsonNode root, SourceMap positions) {
    }

    static YamlDocument of(String file, int index, JsonNode root, SourceMap positions) {
        Read read = new Read(root, positions);
        return new YamlDocument(file, index, () -> read);
    }

    JsonNode root() {
        return read.get().root();
    }

    SourceMap positions() {
        return read.get().positions();
    }

    Location at(String pointer) {
        return positions().at(pointer);
    }

    Location keyAt(String pointer) {
        return positions().keyAt(pointer);
    }

    /** The text at {@code pointer}, or null when absent or not a string. */
    String text(String pointer) {
        JsonNode node = root().at(pointer);
        return node.isTextual() ? node.textValue() : null;
    }

    /** {@code file:line:col} of a node, for messages that refer to another place. */
    String where(String pointer) {
        return file + ":" + at(pointer);
    }
}
