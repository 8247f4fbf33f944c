package io.nicsync.validate;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    /** The same checks, with documents that read their file again when asked for their trees or positions. */
    CheckedFile lighter(ReadAgain again) {
        Map<YamlDocument, YamlDocument> replaced = new IdentityHashMap<>();
        for (Typed typed : docs) {
            replaced.put(typed.doc(), again.lighter(typed.doc()));
        }
        return new CheckedFile(docs.stream().map(t -> new Typed(replaced.get(t.doc()), t.kind())).toList(),
                vms.stream().map(v -> new Declared(v.vm(), replaced.get(v.doc()))).toList(), diagnostics);
    }
}
