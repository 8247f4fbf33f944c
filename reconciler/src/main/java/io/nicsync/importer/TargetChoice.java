package io.nicsync.importer;

import io.nicsync.spi.TargetConfig;
import io.nicsync.validate.Config;

/**
 * The target an import reads when a repository declares it: its entry in {@code nicsync.yaml}. Settings given on
 * the command line replace its own as {@code --target-uri} does for other commands
 * ({@link io.nicsync.platforms.TargetOverrides}).
 */
public final class TargetChoice {
    private TargetChoice() {
    }

    public static TargetConfig declared(Config config, String name) throws ImportException {
        return config.target(name).orElseThrow(() -> new ImportException("unknown target " + name
                + ": the repository's nicsync.yaml declares "
                + (config.targets().isEmpty() ? "none" : String.join(", ", config.targets().stream()
                        .map(TargetConfig::name).toList()))));
    }
}
