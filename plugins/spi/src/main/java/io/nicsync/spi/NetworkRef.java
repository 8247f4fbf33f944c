package io.nicsync.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a NIC is connected to: a network kind that a plugin declares ({@link NetworkKind}) and the attributes that
 * name one network of that kind, such as {@code bridge} with {@code name=br-prod}, or {@code multus} with
 * {@code namespace=prod, name=br-prod}. Two references are the same network when kind and attributes are equal,
 * so a plugin writes every reference in one normal form (a KubeVirt NetworkAttachmentDefinition always with its
 * namespace, say) when it decodes the desired state and when it observes.
 *
 * <p>Kinds that cannot be desired are observed all the same (a libvirt macvtap NIC, QEMU user networking) so
 * that plans can name them.
 *
 * @param attributes in the order {@link #display()} shows them; compared without regard to order
 */
public record NetworkRef(String kind, Map<String, String> attributes) {

    /**
     * The attributes of the references made so far, one map per distinct list of names and values in order: a fleet
     * has a few networks and hundreds of thousands of NICs that name them, desired and observed. Bounded, so that
     * references made from whatever a platform reports cannot grow it without end; past the bound a reference keeps
     * a map of its own.
     */
    private static final Map<List<String>, Map<String, String>> SHARED = new ConcurrentHashMap<>();
    private static final int SHARED_MAX = 10_000;

    public NetworkRef {
        Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty()) {
            throw new IllegalArgumentException("a network kind is not empty");
        }
        List<String> namesAndValues = new ArrayList<>(attributes.size() * 2);
        attributes.forEach((key, value) -> {
            namesAndValues.add(Objects.requireNonNull(key, "attribute name"));
            namesAndValues.add(Objects.requireNonNull(value, () -> "attribute " + key + " of a " + kind + " network"));
        });
        Map<String, String> shared = SHARED.get(namesAndValues);
        if (shared == null) {
            SequencedMap<String, String> copy = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.size(); i += 2) {
                copy.put(namesAndValues.get(i), namesAndValues.get(i + 1));
            }
            shared = Collections.unmodifiableSequencedMap(copy);
            if (SHARED.size() < SHARED_MAX) {
                Map<String, String> earlier = SHARED.putIfAbsent(List.copyOf(namesAndValues), shared);
                shared = earlier != null ? earlier : shared;
            }
        }
        attributes = shared;
    }

    /** A network of {@code kind} that needs no attributes, such as KubeVirt's pod network. */
    public static NetworkRef of(String kind) {
        return new NetworkRef(kind, Map.of());
    }

    /** A network of {@code kind} named by its {@code name} attribute, such as {@code bridge br-prod}. */
    public static NetworkRef named(String kind, String name) {
        return of(kind, "name", name);
    }

    /** A network of {@code kind} with the attributes given as name, value, name, value, ...; null values are left out. */
    public static NetworkRef of(String kind, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        SequencedMap<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                attributes.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return new NetworkRef(kind, attributes);
    }

    /** The attribute's value, or null when this reference has none. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** The {@code name} attribute, or null. */
    public String name() {
        return attribute("name");
    }

    public boolean is(String kind) {
        return this.kind.equals(kind);
    }

    /** A short human form: the kind, then the attribute values joined by '/', such as {@code multus prod/br-prod}. */
    public String display() {
        return attributes.isEmpty() ? kind : kind + " " + String.join("/", attributes.values());
    }

    @Override
    public String toString() {
        return display();
    }
}
