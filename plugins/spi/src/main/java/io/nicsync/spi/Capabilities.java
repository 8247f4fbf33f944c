package io.nicsync.spi;

import java.util.Optional;

/**
 * What a target can change live. The planner asks these questions; anything a target cannot do live
 * becomes a persistent-only change with a {@link RestartRequired} step, unless {@link #unsupported} says the
 * target cannot hold the configuration at all. The defaults describe a platform that can do nothing live
 * beyond plugging into free capacity.
 *
 * <p>A value: its answers depend on their arguments alone, and a target whose abilities change (a cluster
 * upgraded under it) gives a new object from {@link Target#capabilities()}. A long-running caller keeps a VM's
 * plan while its desired state, its observation and its target's capabilities are the same objects.
 */
public interface Capabilities {

    /** How pending adds reach the running VM. */
    enum HotplugMode {
        /** Each add is plugged into the running VM by itself. */
        IN_PLACE,
        /** Adds are staged and one {@link Migrate} brings them all in. */
        MIGRATION
    }

    default HotplugMode hotplugMode() {
        return HotplugMode.IN_PLACE;
    }

    /** Whether {@code nic} can be plugged into the running {@code vm}, capacity aside. */
    default boolean canHotplug(LiveVm vm, NicSpec nic) {
        return vm.capacity().supported();
    }

    /** Whether {@code nic} can be unplugged from the running VM. */
    default boolean canUnplug(LiveVm vm, LiveNic nic) {
        return true;
    }

    /** Whether a plugged NIC can be moved from one network to another without unplugging it. */
    default boolean canRepointLive(NicSpec current, NetworkRef to) {
        return false;
    }

    /** Whether the carrier of a plugged NIC can be changed live. */
    default boolean canSetLinkLive(NicSpec current) {
        return false;
    }

    /**
     * Why a NIC of {@code vm} cannot have the configuration {@code wanted} at all: neither live nor in the
     * persistent definition, so not after a restart either (a release without link state). Empty when it can.
     * The reason names what is missing, such as the release needed and the one the target runs. The planner
     * plans no step for such a NIC and puts the reason in the plan instead.
     */
    default Optional<String> unsupported(LiveVm vm, NicSpec wanted) {
        return Optional.empty();
    }

    /**
     * Whether the plugged {@code nic} of the running {@code vm} may be unplugged and plugged back to take
     * {@code wanted}, a configuration it cannot take while plugged: a network it cannot be repointed to live, or a
     * MAC, model or binding ({@link Nics#fixedDifferences}). The guest sees the NIC go and come back, so a platform
     * says yes only where that moment without the NIC is allowed. By default a network change may be replugged and
     * a MAC, model or binding change waits for a restart.
     */
    default boolean canReplug(LiveVm vm, LiveNic nic, NicSpec wanted) {
        return nic.live() == null || Nics.fixedDifferences(nic.live(), wanted).isEmpty();
    }

    /**
     * Whether a change that waits for a restart is written into the persistent definition now, for the restart to
     * bring in (libvirt's inactive XML, KubeVirt's template, Ganeti's configuration). False where the platform keeps
     * no pending change for a plugged NIC of a running VM (oVirt refuses to change it while it is plugged): no persist
     * step is planned for such a change, and the {@link RestartRequired} step makes it itself while the VM is down.
     */
    default boolean stagesForRestart() {
        return true;
    }

    /**
     * Whether the persistent definition is separate from the running VM (libvirt), so that live and
     * persistent changes are separate steps. False where one object carries both (KubeVirt's VM template).
     */
    default boolean separatePersistentDefinition() {
        return true;
    }

    /**
     * Whether the one definition ({@link #separatePersistentDefinition} false) keeps a NIC that is not plugged, so
     * that plugging and unplugging change only whether a defined NIC is in the running VM (oVirt: a NIC is
     * configured, then plugged or not). An {@link UnplugNic} then leaves the NIC defined, and an {@link AddNic} of a
     * defined NIC plugs that same NIC. So that the undo of every step puts the definition back as it was, a NIC that
     * leaves the VM is unplugged, then unpersisted, and a new NIC is persisted, then plugged; a NIC unplugged and
     * plugged back for a change stays the same NIC. False by default: an unplug takes the NIC out of the one
     * definition too (KubeVirt's template, Ganeti's configuration).
     */
    default boolean keepsUnpluggedNics() {
        return false;
    }
}
