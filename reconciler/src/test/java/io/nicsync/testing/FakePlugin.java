package io.nicsync.testing;

import io.nicsync.platforms.Plugins;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.Vocabulary;
import java.util.List;

/** An installed plugin's rules with targets in memory behind it, so that runs need no hypervisor. */
public record FakePlugin(TargetPlugin real, Opener opener) implements TargetPlugin {

    /** How the fake opens a target. */
    @FunctionalInterface
    public interface Opener {
        Target open(TargetConfig config) throws TargetException;
    }

    /** The installed plugins, with {@code kind}'s opening {@code target} for every target. */
    public static Plugins with(String kind, Target target) {
        return with(kind, config -> target);
    }

    /** The installed plugins, with {@code kind}'s opening targets with {@code opener}. */
    public static Plugins with(String kind, Opener opener) {
        Plugins installed = Plugins.installed();
        return installed.with(new FakePlugin(installed.get(kind).orElseThrow(), opener));
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public List<NetworkKind> networkKinds() {
        return real.networkKinds();
    }

    @Override
    public String platform() {
        return real.platform();
    }

    @Override
    public List<TargetSetting> settings() {
        return real.settings();
    }

    @Override
    public Vocabulary models() {
        return real.models();
    }

    @Override
    public Vocabulary bindings() {
        return real.bindings();
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
