package io.nicsync.testing;

import io.nicsync.loop.Plugins;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An installed plugin's rules with targets in memory behind it, so that runs need no hypervisor. */
public record FakePlugin(TargetPlugin real, Opener opener) implements TargetPlugin {

    /** How the fake opens a target. */
    @FunctionalInterface
    public interface Opener {
        Target open(TargetConfig config) throws TargetException;
    }

    /** The installed plugins, with {@code kind}'s opening {@code target} for every target. */
    public static Map<String, TargetPlugin> with(String kind, Target target) {
        return with(kind, config -> target);
    }

    /** The installed plugins, with {@code kind}'s opening targets with {@code opener}. */
    public static Map<String, TargetPlugin> with(String kind, Opener opener) {
        var plugins = new TreeMap<>(Plugins.installed());
        plugins.put(kind, new FakePlugin(plugins.get(kind), opener));
        return plugins;
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public Set<String> networkKinds() {
        return real.networkKinds();
    }

    @Override
    public List<Finding> check(DesiredVm vm) {
        return real.check(vm);
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        return opener.open(config);
    }
}
