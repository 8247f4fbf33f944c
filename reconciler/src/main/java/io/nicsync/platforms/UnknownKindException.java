package io.nicsync.platforms;

import java.util.Set;

/** No installed plugin opens targets of a kind. */
public final class UnknownKindException extends Exception {
    public UnknownKindException(String kind, Set<String> installed) {
        super("no plugin for target kind '" + kind + "' is installed (installed: " + String.join(", ", installed) + ")");
    }
}
