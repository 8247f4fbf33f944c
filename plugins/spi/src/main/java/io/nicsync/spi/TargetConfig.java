package io.nicsync.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target as {@code nicsync.yaml} declares it, after command-line overrides.
 *
 * @param settings the target's other keys as strings, for example {@code uri} (libvirt) or {@code context}
 *     and {@code hotplug} (KubeVirt)
 */
public record TargetConfig(String name, String kind, Map<String, String> settings) {
    public TargetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        settings = Map.copyOf(settings);
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
