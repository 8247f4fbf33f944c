package io.nicsync.loop;

import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The targets a run talks to, opened once and closed together. */
public final class OpenTargets implements AutoCloseable {
    private final Map<String, Target> byName;
    private final List<Runnable> beforeClose = new ArrayList<>();

    private OpenTargets(Map<String, Target> byName) {
        this.byName = byName;
    }

    /**
     * Opens the targets named in {@code wanted} (all when empty). {@code overrides} maps a target name to
     * settings that replace the repository's, such as {@code uri} from {@code --target-uri lab=qemu+ssh://hv1/system}.
     */
    public static OpenTargets open(List<TargetConfig> configs, Map<String, TargetPlugin> plugins,
            Map<String, Map<String, String>> overrides, Set<String> wanted) throws TargetException {
        return open(chosen(configs, overrides, wanted), config -> openWith(plugins, config));
    }

    /** The targets named in {@code wanted} (all when empty), their settings overridden by {@code overrides}. */
    static List<TargetConfig> chosen(List<TargetConfig> configs, Map<String, Map<String, String>> overrides,
            Set<String> wanted) {
        return configs.stream()
                .filter(config -> wanted.isEmpty() || wanted.contains(config.name()))
                .map(config -> withOverrides(config, overrides))
                .toList();
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
    static Target openWith(Map<String, TargetPlugin> plugins, TargetConfig config) throws TargetException {
        TargetPlugin plugin = plugins.get(config.kind());
        if (plugin == null) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED, "target " + config.name()
                    + ": no plugin for kind '" + config.kind() + "' is installed (installed: "
                    + String.join(", ", plugins.keySet()) + ")");
        }
        return plugin.open(config);
    }

    static TargetConfig withOverrides(TargetConfig config, Map<String, Map<String, String>> overrides) {
        Map<String, String> settings = new HashMap<>(config.settings());
        settings.putAll(overrides.getOrDefault(config.name(), Map.of()));
        return new TargetConfig(config.name(), config.kind(), settings);
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
