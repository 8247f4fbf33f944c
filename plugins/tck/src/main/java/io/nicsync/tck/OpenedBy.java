package io.nicsync.tck;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.VmRef;
import io.nicsync.spi.Vocabulary;
import java.time.Duration;
import java.util.List;

/**
 * A plugin with every declaration its own, opening targets another way: nicsync opens targets from
 * {@code nicsync.yaml}, and a simulated platform (or a target in memory) may be reachable only from the test.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.installed().with(new OpenedBy(libvirt, config -> fakeTarget));
 * }</pre>
 */
public record OpenedBy(TargetPlugin plugin, Opener opener) implements TargetPlugin {

    /** How a target is opened instead. */
    @FunctionalInterface
    public interface Opener {
        Target open(TargetConfig config) throws TargetException;
    }

    /** {@code target}, whatever the config says, left open when nicsync closes what it opened. */
    public static OpenedBy reaching(TargetPlugin plugin, Target target) {
        return new OpenedBy(plugin, config -> unclosed(target));
    }

    @Override
    public String kind() {
        return plugin.kind();
    }

    @Override
    public String platform() {
        return plugin.platform();
    }

    @Override
    public String description() {
        return plugin.description();
    }

    @Override
    public List<NetworkKind> networkKinds() {
        return plugin.networkKinds();
    }

    @Override
    public List<TargetSetting> settings() {
        return plugin.settings();
    }

    @Override
    public Vocabulary models() {
        return plugin.models();
    }

    @Override
    public Vocabulary bindings() {
        return plugin.bindings();
    }

    @Override
    public List<Finding> check(DesiredVm vm) {
        return plugin.check(vm);
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        return opener.open(config);
    }

    /** {@code target} with a {@code close} that leaves it open: its owner closes it. */
    private static Target unclosed(Target target) {
        return new Target() {
            @Override
            public String name() {
                return target.name();
            }

            @Override
            public Capabilities capabilities() {
                return target.capabilities();
            }

            @Override
            public List<LiveVm> observeAll() throws TargetException {
                return target.observeAll();
            }

            @Override
            public List<LiveVm> observeAllWatched() throws TargetException {
                return target.observeAllWatched();
            }

            @Override
            public LiveVm observe(VmRef vm) throws TargetException {
                return target.observe(vm);
            }

            @Override
            public List<String> preflight(List<Step> steps) throws TargetException {
                return target.preflight(steps);
            }

            @Override
            public void execute(Step step, Duration timeout) throws TargetException {
                target.execute(step, timeout);
            }

            @Override
            public void close() {
                // the owner's target: the owner closes it
            }
        };
    }
}
