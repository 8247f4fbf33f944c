package io.nicsync.plugin.libvirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Set;

/** Targets of kind {@code libvirt}: a libvirtd reached by URI, such as {@code qemu:///system}. */
public final class LibvirtPlugin implements TargetPlugin {

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
        throw new TargetException(TargetException.Reason.UNSUPPORTED,
                "target " + config.name() + ": connecting to libvirt is not implemented yet");
    }
}
