package io.nicsync.importer;

import io.nicsync.spi.TargetConfig;
import io.nicsync.validate.Config;
import java.util.HashMap;
import java.util.Map;

/**
 * The target an import reads when a repository declares it: its entry in {@code nicsync.yaml}, with settings
 * given on the command line winning, as {@code --target-uri} does for other commands.
 */
public final class TargetChoice {
    private TargetChoice() {
    }

    public static TargetConfig declared(Config config, String name, Map<String, String> settings)
            throws ImportException {
        TargetConfig declared = config.target(name).orElseThrow(() -> new ImportException("unknown target " + name
                + ": the repository's nicsync.yaml declares "
                + (config.targets().isEmpty() ? "none" : String.join(", ", config.targets().stream()
                        .map(TargetConfig::name).toList()))));
        Map<String, String> merged = new HashMap<>(declared.settings());
        merged.putAll(settings);
        return new TargetConfig(declared.name(), declared.kind(), merged);
    }
}
