package io.nicsync.spi;

import java.util.Objects;

/**
 * A key a target of a plugin's kind takes in {@code nicsync.yaml}, besides {@code name} and {@code kind}, as the
 * plugin declares it. The configuration schema is composed from these, and command-line overrides
 * ({@code --target-setting lab.uri=...}) are checked against them.
 *
 * @param schema the JSON Schema (draft 2020-12, as JSON text) of the value, for example
 *     {@code {"type": "string", "minLength": 1}}
 * @param endpoint whether this is where the target is reached (libvirt's {@code uri}, a cluster's API URL): the
 *     setting {@code --target-uri NAME=VALUE} replaces. At most one setting of a plugin is its endpoint.
 */
public record TargetSetting(String name, String description, String schema, boolean endpoint) {
    public TargetSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        if (name.equals("name") || name.equals("kind")) {
            throw new IllegalArgumentException("name and kind are every target's own keys, not settings");
        }
    }

    public static TargetSetting of(String name, String description, String schema) {
        return new TargetSetting(name, description, schema, false);
    }

    /** A non-empty string: the schema of most settings. */
    public static TargetSetting text(String name, String description) {
        return of(name, description, "{\"type\": \"string\", \"minLength\": 1}");
    }

    /** This setting, as the one {@code --target-uri} replaces. */
    public TargetSetting asEndpoint() {
        return new TargetSetting(name, description, schema, true);
    }
}
