package io.nicsync.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Collects diagnostics from every stage; nothing stops at the first one. */
final class Diagnostics {
    private final TreeSet<Diagnostic> all = new TreeSet<>();

    void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    void error(String file, Location at, String message) {
        all.add(new Diagnostic(file, at.line(), at.column(), Diagnostic.Severity.ERROR, message));
    }

    void warning(String file, Location at, String message) {
        all.add(new Diagnostic(file, at.line(), at.column(), Diagnostic.Severity.WARNING, message));
    }

    /** An error at a node's value. */
    void error(YamlDocument doc, String pointer, String message) {
        error(doc.file(), doc.at(pointer), message);
    }

    /** An error at a node's key. */
    void errorAtKey(YamlDocument doc, String pointer, String message) {
        error(doc.file(), doc.keyAt(pointer), message);
    }

    boolean hasErrorsIn(String file) {
        return all.stream().anyMatch(d -> d.isError() && d.file().equals(file));
    }

    boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    /** Sorted by file, line and column; identical diagnostics from two stages appear once. */
    List<Diagnostic> sorted() {
        return new ArrayList<>(all);
    }
}
