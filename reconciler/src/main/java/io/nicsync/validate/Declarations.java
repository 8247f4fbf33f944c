package io.nicsync.validate;

import io.nicsync.platforms.Plugins;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Optional;

/**
 * What the semantic rules look at: the configuration (null when missing or invalid, and then rules that
 * need targets stay silent rather than report every VM), its document, every VM that passed its schema, and the
 * {@code VmNics} documents that did not (for the few checks that read a document as written).
 */
record Declarations(Config config, YamlDocument configDoc, List<Declared> vms, List<YamlDocument> unbound,
        Plugins plugins) {

    Optional<TargetConfig> target(String name) {
        return config == null ? Optional.empty() : config.target(name);
    }

    /** What a VM's NICs are checked as: its target's platform, or for an undeclared target those it may be. */
    CheckedAs checkedAs(Declared vm) {
        return CheckedAs.of(vm, this);
    }

    /** The plugin of the target named {@code target}; empty when the target or its kind is unknown. */
    Optional<TargetPlugin> pluginOf(String target) {
        return target(target).flatMap(t -> plugins.get(t.kind()));
    }
}
