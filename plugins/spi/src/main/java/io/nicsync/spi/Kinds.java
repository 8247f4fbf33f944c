package io.nicsync.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The network kinds {@link NetworkKind}'s factories make. */
final class Kinds {
    private Kinds() {
    }

    record Named(String key, String description, String schema) implements NetworkKind {
        Named {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(schema, "schema");
        }

        @Override
        public List<Attribute> attributes() {
            return List.of(Attribute.required("name", "the network's name"));
        }

        @Override
        public NetworkRef decode(Object value, VmRef vm) {
            return NetworkRef.named(key, String.valueOf(value));
        }

        @Override
        public Object encode(NetworkRef ref, VmRef vm) {
            return ref.name();
        }
    }

    record Empty(String key, String description) implements NetworkKind {
        Empty {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(description, "description");
        }

        @Override
        public List<Attribute> attributes() {
            return List.of();
        }

        @Override
        public String schema() {
            return "{\"type\": [\"object\", \"null\"], \"additionalProperties\": false}";
        }

        @Override
        public NetworkRef decode(Object value, VmRef vm) {
            return NetworkRef.of(key);
        }

        @Override
        public Object encode(NetworkRef ref, VmRef vm) {
            return Map.of();
        }
    }

    record Observed(String key, String description, List<Attribute> attributes) implements NetworkKind {
        Observed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(description, "description");
            attributes = List.copyOf(attributes);
        }

        @Override
        public String schema() {
            return null;
        }

        @Override
        public NetworkRef decode(Object value, VmRef vm) {
            throw new UnsupportedOperationException("a " + key + " network is observed only, never desired");
        }

        @Override
        public Object encode(NetworkRef ref, VmRef vm) {
            throw new UnsupportedOperationException("a " + key + " network is observed only, never desired");
        }
    }
}
