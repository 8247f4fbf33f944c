package io.nicsync.validate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exactly one {@code Config}, in {@code nicsync.yaml} at the root of the desired-state path, and nothing
 * else in that file: keeping the configuration apart from the VMs lets a repository give the two different
 * owners (CODEOWNERS) and reviews.
 */
final class ConfigPlacement {
    static final String FILE = "nicsync.yaml";

    private ConfigPlacement() {
    }

    /** The path of {@code nicsync.yaml} for a desired state read from {@code basePath} ("" for the root). */
    static String rootFile(String basePath) {
        String base = basePath.replaceAll("^(\\./)+|^/+|/+$", "");
        return base.isEmpty() || base.equals(".") ? FILE : base + "/" + FILE;
    }

    /** The one Config document that counts, after reporting every misplaced or extra one. */
    static Optional<YamlDocument> select(List<Typed> docs, Set<String> files, String basePath, Diagnostics out) {
        String root = rootFile(basePath);
        YamlDocument first = null;
        for (Typed typed : docs) {
            YamlDocument doc = typed.doc();
            boolean inRoot = doc.file().equals(root);
            if (typed.kind() != Kind.CONFIG) {
                if (inRoot) {
                    out.error(doc, "/kind", FILE + " holds only the Config; put " + typed.kind().yaml
                            + " documents in other files");
                }
            } else if (!inRoot) {
                out.error(doc, "/kind", "a Config is only allowed in " + root + " (the root of the desired state)");
            } else if (first != null) {
                out.error(doc, "/kind", "a second Config (the first is at " + first.where("/kind") + ")");
            } else {
                first = doc;
            }
        }
        if (first == null) {
            reportMissing(root, files, out);
        }
        return Optional.ofNullable(first);
    }

    private static void reportMissing(String root, Set<String> files, Diagnostics out) {
        if (!files.contains(root)) {
            out.error(root, Location.START, "missing " + FILE + ": the desired state needs one, with kind: Config,"
                    + " at its root");
        } else if (!out.hasErrorsIn(root)) {
            out.error(root, Location.START, FILE + " holds no Config document");
        }
    }
}
