package io.nicsync.loop;

import io.nicsync.spi.TargetPlugin;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The platform plugins on the class path (bin/nicsync adds the jars of the plugins directory to it). */
public final class Plugins {
    private Plugins() {
    }

    /** Installed plugins by kind. Two plugins claiming one kind is an installation error. */
    public static Map<String, TargetPlugin> installed() {
        Map<String, TargetPlugin> byKind = new TreeMap<>();
        for (TargetPlugin plugin : ServiceLoader.load(TargetPlugin.class)) {
            TargetPlugin other = byKind.putIfAbsent(plugin.kind(), plugin);
            if (other != null) {
                throw new IllegalStateException("two plugins claim the target kind '" + plugin.kind() + "': "
                        + other.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        return byKind;
    }
}
