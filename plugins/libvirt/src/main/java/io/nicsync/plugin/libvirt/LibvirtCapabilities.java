package io.nicsync.plugin.libvirt;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;

/**
 * What libvirt with QEMU changes live: a plugged NIC can move between bridges and libvirt networks
 * (update-device moves the tap, the guest sees no unplug) and its carrier can be set. MAC, model and type
 * changes (other than bridge and network) are refused live by libvirt.
 */
final class LibvirtCapabilities implements Capabilities {

    @Override
    public HotplugMode hotplugMode() {
        return HotplugMode.IN_PLACE;
    }

    @Override
    public boolean canRepointLive(NicSpec current, NetworkRef to) {
        return Networks.manageable(current.network()) && Networks.manageable(to);
    }

    @Override
    public boolean canSetLinkLive(NicSpec current) {
        return true;
    }

    @Override
    public boolean separatePersistentDefinition() {
        return true;
    }
}
