package io.nicsync.testing;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import java.util.Optional;
import java.util.Set;

/**
 * Capabilities as data, for fixtures and the fake target.
 *
 * @param hotplugBindings the bindings that can be hotplugged; empty for any (a platform without bindings)
 * @param pinned NICs (by label) the platform refuses to unplug, such as KubeVirt's pod network
 * @param noLinkDown why no NIC can be down on this platform at all (a release without link state), null when one can
 * @param replugFixed whether a MAC, model or binding change of a plugged NIC may be made by unplugging and plugging it
 *     back (oVirt's {@code replug: allow})
 * @param noStaging whether the platform keeps no pending change for a restart (oVirt)
 * @param keepsUnplugged whether the one definition keeps a NIC that is not plugged (oVirt)
 */
public record FakeCapabilities(
        HotplugMode hotplugMode,
        boolean repointLive,
        boolean setLinkLive,
        boolean separatePersistentDefinition,
        Set<String> hotplugBindings,
        Set<String> pinned,
        String noLinkDown,
        boolean replugFixed,
        boolean noStaging,
        boolean keepsUnplugged) implements Capabilities {

    public FakeCapabilities {
        hotplugBindings = hotplugBindings == null ? Set.of() : Set.copyOf(hotplugBindings);
        pinned = pinned == null ? Set.of() : Set.copyOf(pinned);
        hotplugMode = hotplugMode == null ? HotplugMode.IN_PLACE : hotplugMode;
    }

    /** libvirt: plugs in place, repoints and sets links live, keeps a separate persistent definition. */
    public static FakeCapabilities libvirt() {
        return new FakeCapabilities(HotplugMode.IN_PLACE, true, true, true, Set.of(), Set.of(), null, false, false,
                false);
    }

    /** KubeVirt: one template for both definitions, bridge and sriov hotplug, no live NAD change. */
    public static FakeCapabilities kubevirt(HotplugMode mode) {
        return new FakeCapabilities(mode, false, true, false, Set.of("bridge", "sriov"), Set.of(), null, false, false,
                false);
    }

    public FakeCapabilities withRepointLive(boolean can) {
        return new FakeCapabilities(hotplugMode, can, setLinkLive, separatePersistentDefinition, hotplugBindings, pinned,
                noLinkDown, replugFixed, noStaging, keepsUnplugged);
    }

    @Override
    public boolean canHotplug(LiveVm vm, NicSpec nic) {
        return vm.capacity().supported()
                && (hotplugBindings.isEmpty() || nic.binding() == null || hotplugBindings.contains(nic.binding()));
    }

    @Override
    public boolean canUnplug(LiveVm vm, LiveNic nic) {
        return !pinned.contains(nic.label());
    }

    @Override
    public boolean canRepointLive(NicSpec current, NetworkRef to) {
        return repointLive;
    }

    @Override
    public boolean canSetLinkLive(NicSpec current) {
        return setLinkLive;
    }

    @Override
    public boolean canReplug(LiveVm vm, LiveNic nic, NicSpec wanted) {
        return replugFixed || Capabilities.super.canReplug(vm, nic, wanted);
    }

    @Override
    public boolean stagesForRestart() {
        return !noStaging;
    }

    @Override
    public boolean keepsUnpluggedNics() {
        return keepsUnplugged;
    }

    @Override
    public Optional<String> unsupported(LiveVm vm, NicSpec wanted) {
        return wanted.link() == LinkState.DOWN ? Optional.ofNullable(noLinkDown) : Optional.empty();
    }
}
