package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Tells what a document is from its {@code apiVersion} and {@code kind}, before its schema is chosen. These
 * two keys get their own messages here; their schema errors are left out so each problem is said once.
 */
final class KindCheck {
    private KindCheck() {
    }

    static Optional<Kind> check(YamlDocument doc, Diagnostics out) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            out.error(doc, "", "a document must be a mapping with apiVersion, kind and the rest, not "
                    + Values.describe(root));
            return Optional.empty();
        }
        checkApiVersion(doc, out);
        JsonNode kind = root.get("kind");
        if (kind == null) {
            out.error(doc, "", "missing required key \"kind\" (one of: " + Kind.known() + ")");
            return Optional.empty();
        }
        Optional<Kind> known = kind.isTextual() ? Kind.of(kind.textValue()) : Optional.empty();
        if (known.isEmpty()) {
            out.error(doc, "/kind", "unknown kind " + Values.quote(kind) + " (known: " + Kind.known() + ")");
        }
        return known;
    }

    private static void checkApiVersion(YamlDocument doc, Diagnostics out) {
        JsonNode version = doc.root().get("apiVersion");
        if (version == null) {
            out.error(doc, "", "missing required key \"apiVersion\" (" + Kind.API_VERSION + ")");
        } else if (!Kind.API_VERSION.equals(version.asText(null))) {
            out.error(doc, "/apiVersion", "unsupported apiVersion " + Values.quote(version)
                    + " (supported: " + Kind.API_VERSION + ")");
        }
    }
}
