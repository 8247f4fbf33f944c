package io.nicsync.loop;

import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The targets a run talks to, opened once and closed together. */
public final class OpenTargets implements AutoCloseable {
    private final Map<String, Target> byName;
    private final List<Runnable> beforeClose = new ArrayList<>();

    private OpenTargets(Map<String, Target> byName) {
        this.byName = byName;
    }

    /**
     * Opens the targets named in {@code wanted} (none when empty), with the settings {@code overrides} replaces,
     * such as {@code uri} from {@code --target-uri lab=qemu+ssh://hv1/system}.
     */
    public static OpenTargets open(List<TargetConfig> configs, Plugins plugins,
            TargetOverrides overrides, Set<String> wanted) throws TargetException {
        return open(chosen(configs, plugins, overrides, wanted), config -> openWith(plugins, config));
    }

    /**
     * The targets named in {@code wanted} (none when empty), their settings overridden by {@code overrides}; an
     * override of a target {@code configs} does not declare, or of a setting its plugin does not have, is an error.
     */
    static List<TargetConfig> chosen(List<TargetConfig> configs, Plugins plugins, TargetOverrides overrides,
            Set<String> wanted) throws TargetException {
        return chosen(configs, plugins, overrides, wanted::contains);
    }

    /** As {@link #chosen(List, Plugins, TargetOverrides, Set)}, the targets {@code wanted} accepts. */
    static List<TargetConfig> chosen(List<TargetConfig> configs, Plugins plugins, TargetOverrides overrides,
            Predicate<String> wanted) throws TargetException {
        overrides.requireDeclared(configs);
        List<TargetConfig> out = new ArrayList<>();
        for (TargetConfig config : configs) {
            if (wanted.test(config.name())) {
                out.add(overrides.applyTo(config, plugins));
            }
        }
        return out;
    }

    /** How a target is opened. */
    @FunctionalInterface
    interface Opener {
        Target open(TargetConfig config) throws TargetException;
    }

    /** Opens every one of {@code configs} with {@code opener}; when one fails, closes those already open. */
    static OpenTargets open(List<TargetConfig> configs, Opener opener) throws TargetException {
        Map<String, Target> opened = new LinkedHashMap<>();
        try {
            for (TargetConfig config : configs) {
                opened.put(config.name(), opener.open(config));
            }
        } catch (TargetException | RuntimeException e) {
            opened.values().forEach(Target::close);
            throw e;
        }
        return new OpenTargets(opened);
    }

    /** Opens a target with the plugin of its kind. */
    static Target openWith(Plugins plugins, TargetConfig config) throws TargetException {
        TargetPlugin plugin = plugins.get(config.kind()).orElseThrow(() -> new TargetException(
                TargetException.Reason.UNSUPPORTED, "target " + config.name() + ": no plugin for kind '"
                        + config.kind() + "' is installed (installed: " + String.join(", ", plugins.kinds()) + ")"));
        return plugin.open(config);
    }

    public Map<String, Target> byName() {
        return Map.copyOf(byName);
    }

    public Target get(String name) {
        return byName.get(name);
    }

    /** Runs {@code action} when closing, before any target is closed. */
    void beforeClose(Runnable action) {
        beforeClose.add(action);
    }

    @Override
    public void close() {
        beforeClose.forEach(Runnable::run);
        byName.values().forEach(Target::close);
    }
}
