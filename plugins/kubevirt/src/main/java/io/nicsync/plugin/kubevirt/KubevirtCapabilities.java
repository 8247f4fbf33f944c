package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import java.util.Optional;

/**
 * What a KubeVirt cluster can change on a running VM, by release: hotplug of bridge (and, by migration,
 * SR-IOV) interfaces on multus networks (v1.0 through addinterface: bridge, virtio, a MAC KubeVirt chooses);
 * unplug of bridge interfaces only; link state from v1.5 (not SR-IOV or passt); a live NAD change from v1.8 with
 * LiveUpdateNADRef, v1.9 without (by migration). Everything else about a NIC (binding, model, MAC, a NAD before
 * that) KubeVirt takes into the template of a running VM and applies at its next start: the planner's
 * restart-required changes. The VM template is both the persistent definition and the source of live changes, so
 * persisting is not a separate step. A link state KubeVirt cannot set live it cannot hold in the template either:
 * such a NIC is {@link #unsupported}.
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
        if (!vm.capacity().supported() || !Networks.isMultus(nic.network()) || cluster.hotplugGateMissing()) {
            return false;
        }
        String binding = binding(nic);
        if (nic.model() != null && !nic.model().equals("virtio")) {
            return false;
        }
        if (cluster.version().imperative()) {
            return binding.equals("bridge") && nic.mac() == null; // all addinterface can express
        }
        // SR-IOV reaches a running VM only through a migration
        return binding.equals("bridge") || binding.equals("sriov") && mode == HotplugMode.MIGRATION;
    }

    @Override
    public boolean canUnplug(LiveVm vm, LiveNic nic) {
        NicSpec current = nic.current();
        return canUnplug(binding(current), current.network());
    }

    /** KubeVirt unplugs ({@code state: absent}) bridge interfaces on multus networks, behind the gate before v1.4. */
    boolean canUnplug(String binding, NetworkRef network) {
        return "bridge".equals(binding) && Networks.isMultus(network) && !cluster.hotplugGateMissing();
    }

    @Override
    public boolean canRepointLive(NicSpec current, NetworkRef to) {
        return cluster.liveNadChange() && Networks.isMultus(current.network())
                && Networks.isMultus(to) && binding(current).equals("bridge");
    }

    @Override
    public boolean canSetLinkLive(NicSpec current) {
        return linkStateRefusal(binding(current)).isEmpty();
    }

    @Override
    public Optional<String> unsupported(LiveVm vm, NicSpec wanted) {
        return unsupported(wanted);
    }

    /** Why no VM of this cluster can have a NIC configured as {@code wanted}; empty when it can. */
    Optional<String> unsupported(NicSpec wanted) {
        return wanted.link() == LinkState.DOWN ? linkStateRefusal(binding(wanted)) : Optional.empty();
    }

    /**
     * Why an interface with {@code binding} cannot have a link state ({@code state: up|down}) on this cluster,
     * live or in the template; empty when it can.
     */
    Optional<String> linkStateRefusal(String binding) {
        binding = binding == null ? "bridge" : binding;
        if (!cluster.version().atLeast(5)) {
            return Optional.of("link state (state: up|down) needs KubeVirt v1.5, the cluster runs "
                    + cluster.version());
        }
        if (binding.equals("sriov") || binding.startsWith("passt")) {
            return Optional.of("KubeVirt cannot set the link of a " + binding + " interface");
        }
        return Optional.empty();
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
