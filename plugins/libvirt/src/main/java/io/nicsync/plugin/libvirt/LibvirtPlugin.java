package io.nicsync.plugin.libvirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.Vocabulary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
    public String description() {
        return "libvirt with QEMU/KVM guests, reached by a libvirt connection URI";
    }

    @Override
    public List<NetworkKind> networkKinds() {
        return Networks.KINDS;
    }

    @Override
    public List<TargetSetting> settings() {
        // A URI can name a transport that runs a command (qemu+ext, ssh's command= and netcat=): one from the
        // repository must be allowed by the operator; the local daemon's own sockets need no allowing.
        return List.of(TargetSetting.text("uri", "libvirt connection URI such as qemu:///system (default "
                + DEFAULT_URI + ")").asEndpoint()
                .guarded(TargetSetting.Guard.ENDPOINT, "qemu:///system", "qemu:///session"));
    }

    /** The models nicsync has verified with QEMU's hotplug; libvirt takes others, nicsync does not offer them yet. */
    @Override
    public Vocabulary models() {
        return Vocabulary.of("virtio", "e1000", "e1000e", "rtl8139");
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
                    "target " + config.name() + ": connecting to " + uri + ": " + LibvirtFailure.of(e).describe(), e);
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
