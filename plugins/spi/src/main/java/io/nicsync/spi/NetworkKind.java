package io.nicsync.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A kind of network a platform has, as a plugin declares it: the key written under a NIC's {@code network} in
 * the desired state, the JSON Schema of the value written there, and the codec between that value and a
 * {@link NetworkRef}. The validator, the plan file's schema, the importer and the documentation are composed from
 * these declarations, so a platform brings its own networks without anything outside its plugin changing.
 *
 * <pre>{@code
 * network:
 *   bridge: br-prod        # key "bridge", value "br-prod"  ->  NetworkRef bridge {name: br-prod}
 * }</pre>
 *
 * <p>A key means one thing: two plugins may declare the same key (a Linux bridge on libvirt and on Ganeti) only
 * with the same attributes and value schema. Kinds that are only ever observed ({@link #observed}) have no value
 * schema and no codec; they exist so that plans can name what the platform reports.
 */
public interface NetworkKind {

    /** The key in the desired state and the {@link NetworkRef#kind()} of the references it makes. */
    String key();

    /** One line for people: what such a network is, on which platform. */
    String description();

    /** The attributes a {@link NetworkRef} of this kind carries, in the order {@link NetworkRef#display()} shows. */
    List<Attribute> attributes();

    /**
     * The JSON Schema (draft 2020-12, as JSON text) of the value under the key, with an {@code x-expected} hint for
     * messages where a pattern alone would not say what is wanted; null for a kind that cannot be desired.
     */
    String schema();

    /** Whether a NIC can be declared on such a network. */
    default boolean declarable() {
        return schema() != null;
    }

    /**
     * The reference the desired value means for {@code vm}: the value has passed {@link #schema()} and is a plain
     * Java value (String, Number, Boolean, null, List, Map) as YAML gives it.
     */
    NetworkRef decode(Object value, VmRef vm);

    /** The desired value that {@link #decode} turns back into {@code ref} for {@code vm}; for {@code nicsync import}. */
    Object encode(NetworkRef ref, VmRef vm);

    /** One attribute of the references of a kind. */
    record Attribute(String name, boolean required, String description) {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }

        public static Attribute required(String name, String description) {
            return new Attribute(name, true, description);
        }

        public static Attribute optional(String name, String description) {
            return new Attribute(name, false, description);
        }
    }

    /**
     * The usual kind: a string that names the network, kept as its {@code name} attribute.
     *
     * @param valueSchema the JSON Schema of the string, for example
     *     {@code {"type": "string", "pattern": "^[a-z]+$", "x-expected": "lower-case letters"}}
     */
    static NetworkKind named(String key, String description, String valueSchema) {
        return new Kinds.Named(key, description, valueSchema);
    }

    /**
     * {@code bridge: NAME}, a Linux bridge on the hypervisor host: one kind for every platform that puts NICs on host
     * bridges (libvirt, Ganeti's bridged mode, ...), so that they declare it alike by construction.
     */
    static NetworkKind hostBridge(String description) {
        return named("bridge", description, """
                {"type": "string", "maxLength": 15, "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                 "x-expected": "a Linux interface name of at most 15 characters"}""");
    }

    /**
     * {@code network: NAME}, a network the platform itself defines and names (a libvirt virtual network, a Ganeti
     * network): one kind for every platform that has them.
     */
    static NetworkKind platformNetwork(String description) {
        return named("network", description, """
                {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                 "x-expected": "a network name: letters, digits, '.', '_' and '-'"}""");
    }

    /** A kind without attributes, written {@code key: {}}, such as KubeVirt's pod network. */
    static NetworkKind empty(String key, String description) {
        return new Kinds.Empty(key, description);
    }

    /** A kind that is only ever observed, never desired. */
    static NetworkKind observed(String key, String description, String... attributes) {
        return new Kinds.Observed(key, description,
                java.util.Arrays.stream(attributes).map(a -> Attribute.optional(a, a)).toList());
    }

    /** Casts a decoded YAML mapping; for codecs whose values are mappings. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
