package io.nicsync.validate;

import io.nicsync.spi.TargetConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@code nicsync.yaml} declares: the targets VMs live on and how changes are applied. */
public record Config(List<TargetConfig> targets, Policy policy) {
    public Config {
        targets = List.copyOf(targets);
        Objects.requireNonNull(policy, "policy");
    }

    public Optional<TargetConfig> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
