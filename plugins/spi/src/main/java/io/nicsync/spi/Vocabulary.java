package io.nicsync.spi;

import java.util.List;
import java.util.Objects;

/**
 * The values a platform accepts for a NIC key such as {@code model} or {@code binding}: none at all (the key is an
 * error on this platform), a closed list, or an open one (any name, the listed ones being the well-known; KubeVirt
 * takes binding plugins by name).
 */
public record Vocabulary(List<String> known, boolean open) {
    /** The platform has no such key. */
    public static final Vocabulary NONE = new Vocabulary(List.of(), false);

    public Vocabulary {
        known = List.copyOf(known);
        Objects.requireNonNull(known, "known");
    }

    /** Exactly these values. */
    public static Vocabulary of(String... values) {
        return new Vocabulary(List.of(values), false);
    }

    /** Any value; these are the usual ones. */
    public static Vocabulary open(String... usual) {
        return new Vocabulary(List.of(usual), true);
    }

    /** Whether the platform has the key at all. */
    public boolean exists() {
        return open || !known.isEmpty();
    }

    public boolean accepts(String value) {
        return open || known.contains(value);
    }
}
