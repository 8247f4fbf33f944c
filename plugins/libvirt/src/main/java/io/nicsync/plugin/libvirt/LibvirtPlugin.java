package io.nicsync.plugin.libvirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** Targets of kind {@code libvirt}: a libvirtd reached by URI, such as {@code qemu:///system}. */
public final class LibvirtPlugin implements TargetPlugin {
    static final String DEFAULT_URI = "qemu:///system";

    @Override
    public String kind() {
        return "libvirt";
    }

    @Override
    public Set<String> networkKinds() {
        return Set.of("bridge", "network");
    }

    @Override
    public List<Finding> check(DesiredVm vm) {
        return LibvirtRules.check(vm);
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        String uri = config.setting("uri").orElse(DEFAULT_URI);
        Connect connect;
        try {
            QuietErrors.install();
            connect = new Connect(uri);
        } catch (LibvirtException e) {
            throw new TargetException(TargetException.Reason.UNREACHABLE,
                    "target " + config.name() + " (" + uri + "): " + LibvirtFailure.of(e).describe(), e);
        }
        HostNetworks networks = new LibvirtHostNetworks(connect, isLocal(uri), Path.of("/sys/class/net"));
        Clock clock = Clock.systemUTC();
        StepExecutor executor = new StepExecutor(networks, new Unplugger(clock, Sleeper.REAL),
                new Restarter(clock, Sleeper.REAL));
        return new LibvirtTarget(config.name(), connect, networks, executor);
    }

    /** A URI without a host ({@code qemu:///system}) talks to the libvirtd of this machine. */
    static boolean isLocal(String uri) {
        String host = URI.create(uri).getHost();
        return host == null || host.isEmpty() || host.equals("localhost");
    }
}
