package io.nicsync.validate;

/**
 * Bounds on what one file may make the validator read, so that a hostile or broken file costs an error,
 * not the process's memory.
 *
 * @param maxFileBytes a larger file is refused unread
 * @param maxNodesPerDocument nodes materialized from one document, counting every expansion of an alias:
 *     this is what stops a "billion laughs" document whose aliases stay under {@code maxAliases}
 * @param maxAliases aliases to collections per document (snakeyaml-engine's own guard)
 * @param maxDepth nesting of collections; deeper is no desired state, and recursion must stay bounded
 */
record Limits(int maxFileBytes, int maxNodesPerDocument, int maxAliases, int maxDepth) {

    /** 3 MiB, 10,000 nodes, 50 aliases, 64 levels: far above any real desired state. */
    static final Limits DEFAULT = new Limits(3 * 1024 * 1024, 10_000, 50, 64);
}
