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

    /**
     * The plugin a VM's NICs are checked with: its target's; for a target {@code nicsync.yaml} does not declare,
     * the one {@link #assumedFor} names, so that a typo in the target hides no other problem of the VM. Empty when
     * no kind can be assumed, or the kind is unknown.
     */
    Optional<TargetPlugin> pluginOf(Declared vm) {
        String target = vm.vm().ref().target();
        return target(target).isPresent() ? pluginOf(target) : assumedFor(target).flatMap(t -> plugins.get(t.kind()));
    }

    /**
     * The declared target whose kind a VM on the undeclared {@code target} is checked as: the one kind every
     * declared target has, else the declared target closest in spelling; empty when neither exists.
     */
    Optional<TargetConfig> assumedFor(String target) {
        if (config == null || config.targets().isEmpty() || target(target).isPresent()) {
            return Optional.empty();
        }
        List<TargetConfig> declared = config.targets();
        if (declared.stream().map(TargetConfig::kind).distinct().count() == 1) {
            return Optional.of(declared.getFirst());
        }
        return Suggestions.closest(target, declared.stream().map(TargetConfig::name).toList()).flatMap(this::target);
    }

    /** The plugin of the target named {@code target}; empty when the target or its kind is unknown. */
    Optional<TargetPlugin> pluginOf(String target) {
        return target(target).flatMap(t -> plugins.get(t.kind()));
    }
}
