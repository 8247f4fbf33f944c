package io.nicsync.validate;

import io.nicsync.source.SourceFile;
import java.util.List;

/**
 * One file's documents read again, once, when a tree or a position is asked for after the file's own checks. A
 * validation keeps each file's checks for the next one ({@link ValidationCache}); kept with them, the trees and
 * the source maps (a JSON Pointer and a location for every node) were most of what a large desired state held in
 * memory, while only the Config's tree is read afterwards, and a position only when a rule across files reports a
 * problem. The same bytes read by the same reader give the same documents.
 */
final class ReadAgain {
    private final YamlReader reader;
    private final SourceFile file;
    private List<YamlDocument> read;

    ReadAgain(YamlReader reader, SourceFile file) {
        this.reader = reader;
        this.file = file;
    }

    /** {@code doc}, its tree and positions read again from the file when asked for. */
    YamlDocument lighter(YamlDocument doc) {
        return lighter(doc.index());
    }

    /** The file's document {@code index}, its tree and positions read from the file when asked for. */
    YamlDocument lighter(int index) {
        return new YamlDocument(file.path(), index, () -> document(index));
    }

    private synchronized YamlDocument.Read document(int index) {
        if (read == null) {
            read = reader.read(file, new Diagnostics());
        }
        return read.stream().filter(doc -> doc.index() == index).findFirst().map(doc -> doc.read().get())
                .orElseThrow(() -> new IllegalStateException(file.path() + " has no document " + index
                        + " when read again"));
    }
}
