package io.nicsync.plugin.ovirt;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import java.util.function.Supplier;

/**
 * What the engine changes on a running VM (ovirt-engine's UpdateVmInterfaceCommand and ActivateDeactivateVmNicCommand):
 * it plugs and unplugs NICs of a VM that is up; on a plugged NIC it changes the vNIC profile and {@code linked} live
 * (a VDSM device update), unless the old or the new profile mirrors ports, or the NIC is an SR-IOV passthrough one;
 * it refuses to change the interface model or MAC of a plugged NIC (CANNOT_PERFORM_HOT_UPDATE) and keeps no pending
 * change for later. Such a change is made by unplugging, changing and plugging the NIC back when the target's
 * {@code replug} allows it, else by a restart that makes it while the VM is down. One configuration is both
 * definitions, and it keeps a NIC that is unplugged.
 */
final class OvirtCapabilities implements Capabilities {
    private final EngineSettings.Replug replug;
    private final Supplier<Profiles> profiles;

    OvirtCapabilities(EngineSettings.Replug replug, Supplier<Profiles> profiles) {
        this.replug = replug;
        this.profiles = profiles;
    }

    @Override
    public HotplugMode hotplugMode() {
        return HotplugMode.IN_PLACE;
    }

    @Override
    public boolean canHotplug(LiveVm vm, NicSpec nic) {
        return vm.capacity().supported() && Networks.declarable(nic.network());
    }

    @Override
    public boolean canUnplug(LiveVm vm, LiveNic nic) {
        return vm.power() == PowerState.RUNNING;
    }

    @Override
    public boolean canRepointLive(NicSpec current, NetworkRef to) {
        return Networks.declarable(current.network()) && Networks.declarable(to) && !passthrough(current)
                && !mirrorsPorts(current.network()) && !mirrorsPorts(to);
    }

    /** A passthrough NIC is always linked (the engine's {@code passthroughIsLinked}). */
    @Override
    public boolean canSetLinkLive(NicSpec current) {
        return !passthrough(current) && !mirrorsPorts(current.network());
    }

    @Override
    public boolean canReplug(LiveVm vm, LiveNic nic, NicSpec wanted) {
        return replug == EngineSettings.Replug.ALLOW;
    }

    @Override
    public boolean stagesForRestart() {
        return false;
    }

    @Override
    public boolean separatePersistentDefinition() {
        return false;
    }

    /** A NIC is configured, then plugged or not: unplugging keeps its configuration, engine id and MAC. */
    @Override
    public boolean keepsUnpluggedNics() {
        return true;
    }

    private static boolean passthrough(NicSpec nic) {
        return "pci_passthrough".equals(nic.model());
    }

    /** A profile that mirrors ports in any data center: the reference alone does not say which one it is. */
    private boolean mirrorsPorts(NetworkRef ref) {
        return profiles.get().named(ref).stream().anyMatch(Profile::portMirroring);
    }
}
