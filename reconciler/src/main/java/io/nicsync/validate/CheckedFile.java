package io.nicsync.validate;

import java.util.List;

/**
 * What one file says on its own, before any rule looks across files: its documents of a known kind, the
 * {@code VmNics} documents that passed their schema (bound), and the problems found on the way. Depends on the
 * file's path and content only, which is why it can be kept from one commit to the next.
 */
record CheckedFile(List<Typed> docs, List<Declared> vms, List<Diagnostic> diagnostics) {
    CheckedFile {
        docs = List.copyOf(docs);
        vms = List.copyOf(vms);
        diagnostics = List.copyOf(diagnostics);
    }
}
