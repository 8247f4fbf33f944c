package io.nicsync.plugin.ganeti;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.VmRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What Ganeti's KVM hypervisor changes on a running instance: it hot-adds and hot-removes NICs, and moves a NIC
 * to another bridge or Ganeti network by removing the device and adding it again at the same PCI slot with the
 * same MAC and UUID, in one job (the guest sees the device go and come back). It has no link state at all. One
 * configuration is both the persistent definition and the source of every live change, so persisting is never a
 * step of its own on a running instance.
 *
 * <p>What the SPI's questions cannot carry (whether Ganeti's runtime record of a device still matches its
 * configuration, the instance's {@code nic_type}) comes from the last observation of each VM.
 */
final class GanetiCapabilities implements Capabilities {
    private final Map<VmRef, Observer.Observed> observed = new ConcurrentHashMap<>();
    private final Supplier<ClusterFacts> facts;

    GanetiCapabilities(Supplier<ClusterFacts> facts) {
        this.facts = facts;
    }

    void remember(Observer.Observed o) {
        observed.put(o.vm().ref(), o);
    }

    @Override
    public HotplugMode hotplugMode() {
        return HotplugMode.IN_PLACE;
    }

    /** A bridge or Ganeti network, in the instance's one model ({@code nic_type} is per instance). */
    @Override
    public boolean canHotplug(LiveVm vm, NicSpec nic) {
        if (!vm.capacity().supported() || !Networks.manageable(nic.network())) {
            return false;
        }
        String model = Optional.ofNullable(observed.get(vm.ref())).map(Observer.Observed::model).orElse(null);
        return nic.model() == null || model == null || nic.model().equals(model);
    }

    /** Only a device whose runtime record Ganeti still has under the configured NIC's UUID. */
    @Override
    public boolean canUnplug(LiveVm vm, LiveNic nic) {
        Set<String> pinned = Optional.ofNullable(observed.get(vm.ref())).map(Observer.Observed::pinned)
                .orElse(Set.of());
        return vm.capacity().supported() && nic.plugged() && !pinned.contains(nic.label());
    }

    /**
     * Between bridges and Ganeti networks. Entering or leaving a network with a MAC prefix of its own gives the NIC
     * a new MAC (Ganeti's rule); a NIC nicsync knows only by its MAC would then be lost, so it is not moved live.
     */
    @Override
    public boolean canRepointLive(NicSpec current, NetworkRef to) {
        if (!Networks.manageable(current.network()) || !Networks.manageable(to)) {
            return false;
        }
        return current.name() != null || Objects.equals(prefix(current.network()), prefix(to));
    }

    @Override
    public boolean canSetLinkLive(NicSpec current) {
        return false;
    }

    @Override
    public boolean separatePersistentDefinition() {
        return false;
    }

    private String prefix(NetworkRef ref) {
        return ref.is(Networks.NETWORK)
                ? facts.get().network(ref.name()).map(ClusterFacts.GanetiNetwork::macPrefix).orElse(null) : null;
    }
}
