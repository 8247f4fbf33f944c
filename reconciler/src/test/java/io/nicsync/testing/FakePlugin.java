package io.nicsync.importer;

import io.nicsync.loop.Plugins;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An installed plugin's rules with a target in memory behind it, so imports run without a hypervisor. */
record FakePlugin(TargetPlugin real, Target target) implements TargetPlugin {

    /** The installed plugins, with {@code kind}'s opening {@code target}. */
    static Map<String, TargetPlugin> with(String kind, Target target) {
        var plugins = new java.util.TreeMap<>(Plugins.installed());
        plugins.put(kind, new FakePlugin(plugins.get(kind), target));
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
    public Target open(TargetConfig config) {
        return target;
    }
}
