package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;

/**
 * What a KubeVirt cluster can change on a running VM, by release: hotplug of bridge (and, by migration,
 * SR-IOV) interfaces on multus networks; unplug of bridge interfaces only; link state from v1.5 (not
 * SR-IOV or passt); a live NAD change from v1.8 (by migration). The VM template is both the persistent
 * definition and the source of live changes, so persisting is not a separate step.
 */
final class KubevirtCapabilities implements Capabilities {
    private final ClusterInfo cluster;
    private final HotplugMode mode;

    KubevirtCapabilities(ClusterInfo cluster, HotplugMode mode) {
        this.cluster = cluster;
        this.mode = mode;
    }

    ClusterInfo cluster() {
        return cluster;
    }

    @Override
    public HotplugMode hotplugMode() {
        return mode;
    }

    @Override
    public boolean canHotplug(LiveVm vm, NicSpec nic) {
        if (!vm.capacity().supported() || !Networks.isMultus(nic.network())
                || cluster.hotplugGateMissing() || cluster.templateChangesStaged()) {
            return false;
        }
        String binding = binding(nic);
        if (nic.model() != null && !nic.model().equals("virtio")) {
            return false;
        }
        // v1.0's addinterface only knew bridge; SR-IOV reaches a running VM only through a migration
        return binding.equals("bridge") || binding.equals("sriov") && !cluster.version().imperative()
                && mode == HotplugMode.MIGRATION;
    }

    @Override
    public boolean canUnplug(LiveVm vm, LiveNic nic) {
        NicSpec current = nic.current();
        return binding(current).equals("bridge") && Networks.isMultus(current.network())
                && !cluster.hotplugGateMissing();
    }

    @Override
    public boolean canRepointLive(NicSpec current, NetworkRef to) {
        return cluster.version().atLeast(8) && Networks.isMultus(current.network())
                && Networks.isMultus(to) && binding(current).equals("bridge");
    }

    @Override
    public boolean canSetLinkLive(NicSpec current) {
        String binding = binding(current);
        return cluster.version().atLeast(5) && !binding.equals("sriov") && !binding.startsWith("passt");
    }

    @Override
    public boolean separatePersistentDefinition() {
        return false;
    }

    /** A NIC without a binding gets bridge on a multus network, as nicsync writes it. */
    static String binding(NicSpec nic) {
        return nic.binding() != null ? nic.binding() : "bridge";
    }
}
