package io.nicsync.validate;

import io.nicsync.source.SourceLimits;

/**
 * Bounds on what one file may make the validator read, so that a hostile or broken file costs an error,
 * not the process's memory, and on how much it reports.
 *
 * @param maxFileBytes a larger file is refused unread ({@link SourceLimits#maxFileBytes()}: a file read from Git over
 *     it is not even loaded)
 * @param maxNodesPerDocument nodes materialized from one document, counting every expansion of an alias:
 *     this is what stops a "billion laughs" document whose aliases stay under {@code maxAliases}
 * @param maxAliases aliases to collections per document (snakeyaml-engine's own guard)
 * @param maxDepth nesting of collections; deeper is no desired state, and recursion must stay bounded
 * @param maxDocumentsPerFile documents read from one file; the rest of the file is one error
 * @param maxDiagnostics diagnostics a validation keeps, the first by file, line and column; the others are counted
 */
record Limits(int maxFileBytes, int maxNodesPerDocument, int maxAliases, int maxDepth, int maxDocumentsPerFile,
        int maxDiagnostics) {

    /** 3 MiB, 10,000 nodes, 50 aliases, 64 levels, 1,000 documents a file, 1,000 diagnostics shown. */
    static final Limits DEFAULT = new Limits((int) SourceLimits.DEFAULT.maxFileBytes(), 10_000, 50, 64, 1_000, 1_000);

    Limits(int maxFileBytes, int maxNodesPerDocument, int maxAliases, int maxDepth) {
        this(maxFileBytes, maxNodesPerDocument, maxAliases, maxDepth, DEFAULT.maxDocumentsPerFile(),
                DEFAULT.maxDiagnostics());
    }
}
