package io.nicsync.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each node of one YAML document stands in its file, by JSON Pointer ({@code /spec/nics/1/link}):
 * the value's position, and for a member of a mapping also its key's, so that "unknown key" points at the
 * key and "must be one of" at the value.
 */
final class SourceMap {
    private final Map<String, Location> values = new HashMap<>();
    private final Map<String, Location> keys = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    void value(String pointer, Location at) {
        values.putIfAbsent(pointer, at);
    }

    void key(String pointer, Location at) {
        keys.putIfAbsent(pointer, at);
    }

    /** A node already reported while reading (a value YAML could not turn into JSON). */
    void reported(String pointer) {
        reported.add(pointer);
    }

    /** Whether a schema error at {@code pointer} would only repeat what reading it reported. */
    boolean wasReported(String pointer) {
        return reported.contains(pointer);
    }

    /** The value at {@code pointer}, or the nearest ancestor that exists (a missing key is reported on its parent). */
    Location at(String pointer) {
        String p = pointer;
        while (!values.containsKey(p) && !p.isEmpty()) {
            p = Pointers.parent(p);
        }
        return values.getOrDefault(p, Location.START);
    }

    /** The key of the member at {@code pointer}; for a list item or the root, the value itself. */
    Location keyAt(String pointer) {
        Location key = keys.get(pointer);
        return key != null ? key : at(pointer);
    }
}
