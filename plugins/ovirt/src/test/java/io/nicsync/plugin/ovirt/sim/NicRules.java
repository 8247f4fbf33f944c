package io.nicsync.plugin.ovirt.sim;

import io.nicsync.plugin.ovirt.sim.EngineState.Host;
import io.nicsync.plugin.ovirt.sim.EngineState.Nic;
import io.nicsync.plugin.ovirt.sim.EngineState.Profile;
import io.nicsync.plugin.ovirt.sim.EngineState.Vm;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's rules for VM NICs, in one place, each with where it comes from. The simulated engine answers every NIC
 * request through these methods; a rule broken is an {@link EngineFault} with the engine's own message and status.
 *
 * <p>Sources: the feature page "Detailed Hot Plug Nic" (oVirt 3.1, the NIC hot plug design: add and remove are
 * separate from plug and unplug, VDSM errors 49 and 50); ovirt-engine's backend commands AddVmInterfaceCommand,
 * UpdateVmInterfaceCommand (with its UpdateVmNicValidator), ActivateDeactivateVmNicCommand, RemoveVmInterfaceCommand,
 * AbstractVmInterfaceCommand and VmValidator.checkPciAndIdeLimit; its REST layer (BackendVmNicsResource: a NIC needs a
 * name to be added; BackendVmNicResource: activate and deactivate are an update of {@code plugged}; NicMapper: an
 * empty {@code <vnic_profile/>} means no profile); AppErrors.properties and EngineMessage's error types; VDSM's
 * vm.py ({@code hotunplugNic} waits {@code hotunplug_timeout}, 30 s, for the guest to release the device, and fails
 * with error 50 when it does not) and exception.py (HotplugNicFailed 49, HotunplugNicFailed 50,
 * UpdateDeviceFailed 56).
 *
 * <ol>
 *   <li><b>Add</b> (AddVmInterfaceCommand): the VM is Up, Down or Image-Locked
 *       (NETWORK_CANNOT_ADD_INTERFACE_WHEN_VM_STATUS_NOT_UP_DOWN_LOCKED); the name is new on the VM
 *       (NETWORK_INTERFACE_NAME_ALREADY_IN_USE); the NICs fit the VM's PCI devices
 *       (ACTION_TYPE_FAILED_EXCEEDED_MAX_PCI_SLOTS); the profile is one of the VM's data center
 *       (ACTION_TYPE_FAILED_VNIC_PROFILE_NOT_EXISTS); a given MAC is not in use in the MAC pool of the VM's cluster
 *       unless that pool allows duplicates (NETWORK_MAC_ADDRESS_IN_USE: MacAddressValidator.isMacAssignableValidator
 *       asks the pool MacPoolPerCluster.getMacPoolForCluster gives; a NIC of another pool with the same MAC is no
 *       conflict), else one is taken from that pool (MAC_POOL_NOT_ENOUGH_MAC_ADDRESSES). The NIC is
 *       added plugged or unplugged as asked (plugged by default, as the UI's "Activate" box); added plugged, it is then
 *       plugged (rule 3: activateNewNic, a VM that is down included), and a failed plug takes the addition back (the
 *       command's compensation).</li>
 *   <li><b>Update</b> (UpdateVmInterfaceCommand): the VM is Up, Down or Image-Locked; a change of {@code plugged} is a
 *       plug or an unplug (rule 3); on a VM that is up, a NIC that stays plugged takes a new profile or {@code linked}
 *       live (VDSM's device update, UPDATE_VNIC_FAILED when it fails), but not a new interface model or MAC, nor any
 *       change of a passthrough NIC (CANNOT_PERFORM_HOT_UPDATE: "un-plug the interface, update the properties, and
 *       then plug it back"); nothing live when the old or new profile mirrors ports
 *       (CANNOT_PERFORM_HOT_UPDATE_WITH_PORT_MIRRORING); the new profile's network must be on the host
 *       (ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS). An update to {@code plugged: false} with other changes is allowed:
 *       the NIC is changed and unplugged in one; to {@code plugged: true}, changed and plugged. A failed update changes
 *       nothing. Per engine version: before 4.3 a passthrough NIC's profile change passed the engine and libvirt
 *       refused it (UPDATE_VNIC_FAILED); from 4.3 the engine refuses it (commit 4ef9c7c9, "Block hot update of
 *       passthrough vNICs"). Engines before 4.0 (cluster levels below 3.1) took no live update at all
 *       (HOT_VM_INTERFACE_UPDATE_IS_NOT_SUPPORTED); API v4 never meets them.</li>
 *   <li><b>Plug and unplug</b> (ActivateDeactivateVmNicCommand; the REST activate and deactivate actions): the VM is
 *       Up, Down, Image-Locked, Powering Up or Powering Down (ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL). Of a VM that is
 *       not up only the flag changes ("plugging a nic when a VM is down updates its plugged flag"). Of a VM that is up,
 *       the network must be on its host (ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS), no other plugged NIC of any VM may
 *       have the MAC unless the VM's pool allows duplicates (ActivateDeactivateVmNicCommand.macAvailable,
 *       VmInterfaceManager.getVmWithSameMacIfDuplicateIsNotAllowed: VmNicDao.getPluggedForMac), and
 *       VDSM plugs or unplugs the device: a plug fails with ACTIVATE_NIC_FAILED (VDSM 49) when the host cannot, an
 *       unplug with DEACTIVATE_NIC_FAILED (VDSM 50) when the guest does not release the device within VDSM's
 *       hotunplug_timeout (answered at once here); the NIC then stays as it was.</li>
 *   <li><b>Remove</b> (RemoveVmInterfaceCommand): only a NIC that is unplugged, or of a VM that is Down or
 *       Image-Locked (ACTION_TYPE_FAILED_CANNOT_REMOVE_ACTIVE_DEVICE: "remove the nic only if the VM is down or nic is
 *       deactivated"); its MAC goes back to the pool.</li>
 *   <li><b>Run</b>: a VM starts with the NICs that are plugged ("Run VM: include only nics which are activated");
 *       nothing of a NIC changes when the VM stops or starts. A start is refused when the VM is not Down
 *       (ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL) or when no host of its cluster passes the scheduler's filters
 *       (SCHEDULING_ALL_HOSTS_FILTERED_OUT, RunVmCommand's validation). A power-off (StopVmCommand, VDSM's destroy)
 *       leaves the VM Powering Down until VDSM has ended its process, for as many reads as a test says.</li>
 *   <li><b>Guest agent</b>: reports the NICs the guest has, with their MACs; after an unplug it goes on reporting the
 *       released NIC for a few reads (its reporting interval).</li>
 * </ol>
 */
final class NicRules {
    /** osinfo's default {@code maxPciDevices} (packaging/conf/osinfo-defaults.properties). */
    static final int MAX_PCI_DEVICES = 26;
    private static final Set<String> UP_DOWN_LOCKED = Set.of("up", "down", "image_locked");
    private static final Set<String> PLUGGABLE = Set.of("up", "down", "image_locked", "powering_up", "powering_down");
    private static final Set<String> HOTPLUG = Set.of("up", "powering_up");

    private final EngineState s;
    private final Map<String, Deque<String>> vdsmFailures = new HashMap<>();

    NicRules(EngineState state) {
        this.s = state;
    }

    /** What a request asks of a NIC; a null field is not given. {@code profile} holds "" for no profile. */
    record NicInput(String name, String iface, String mac, String profile, Boolean linked, Boolean plugged) {
    }

    /** VDSM fails its next {@code code} call for this VM (ACTIVATE_NIC_FAILED, DEACTIVATE_NIC_FAILED, ...). */
    void failNext(Vm vm, String code) {
        vdsmFailures.computeIfAbsent(vm.id, k -> new ArrayDeque<>()).add(code);
    }

    Nic add(Vm vm, NicInput in) {
        if (in.name() == null) {
            throw EngineFault.incomplete("Nic", "name", "add");
        }
        statusUpDownLocked(vm, "add");
        if (vm.nics.stream().anyMatch(n -> n.name.equals(in.name()))) {
            throw EngineFault.of("NETWORK_INTERFACE_NAME_ALREADY_IN_USE", "add");
        }
        String iface = in.iface() != null ? in.iface() : "virtio";
        List<String> ifaces = new ArrayList<>(vm.nics.stream().map(n -> n.iface).toList());
        ifaces.add(iface);
        pciWithinLimit(vm, ifaces, "add");
        String profile = in.profile() == null || in.profile().isEmpty() ? null : profile(vm, in.profile(), "add").id();
        String mac = in.mac() != null ? available(vm, in.mac(), null) : allocate(vm);
        Nic nic = new Nic(EngineState.newId(), in.name(), iface, mac.toLowerCase(Locale.ROOT), profile,
                in.linked() == null || in.linked(), in.plugged() == null || in.plugged());
        vm.nics.add(nic);
        if (nic.plugged) { // activateNewNic, whatever the VM's status (rule 3)
            nic.plugged = false;
            try {
                plug(vm, nic, true, "add");
            } catch (EngineFault e) {
                vm.nics.remove(nic); // compensation: the addition is taken back, the MAC returns to the pool
                throw e;
            }
        }
        return nic;
    }

    Nic update(Vm vm, Nic nic, NicInput in, String action) {
        statusUpDownLocked(vm, action);
        Nic wanted = nic.copy();
        if (in.name() != null && !in.name().equals(nic.name)) {
            if (vm.nics.stream().anyMatch(n -> n.name.equals(in.name()))) {
                throw EngineFault.of("NETWORK_INTERFACE_NAME_ALREADY_IN_USE", action);
            }
            wanted.name = in.name();
        }
        wanted.iface = in.iface() != null ? in.iface() : nic.iface;
        wanted.mac = in.mac() != null ? in.mac().toLowerCase(Locale.ROOT) : nic.mac;
        if (in.profile() != null) {
            wanted.profileId = in.profile().isEmpty() ? null : profile(vm, in.profile(), action).id();
        }
        wanted.linked = in.linked() != null ? in.linked() : nic.linked;
        wanted.plugged = in.plugged() != null ? in.plugged() : nic.plugged;
        boolean live = nic.plugged && wanted.plugged && vm.up();
        boolean deviceUpdate = live && (!java.util.Objects.equals(nic.profileId, wanted.profileId)
                || nic.linked != wanted.linked);
        boolean passthroughBlocked = "pci_passthrough".equals(nic.iface) && versionAtLeast(4, 3);
        if (live && (!nic.iface.equals(wanted.iface) || passthroughBlocked || !nic.mac.equals(wanted.mac))) {
            throw EngineFault.of("CANNOT_PERFORM_HOT_UPDATE", action);
        }
        if (deviceUpdate && (mirrors(nic.profileId) || mirrors(wanted.profileId))) {
            throw EngineFault.of("CANNOT_PERFORM_HOT_UPDATE_WITH_PORT_MIRRORING", action);
        }
        if (deviceUpdate) {
            onHost(vm, wanted.profileId);
        }
        if (!nic.mac.equals(wanted.mac)) {
            available(vm, wanted.mac, nic);
        }
        Nic before = nic.copy();
        nic.restore(wanted);
        nic.plugged = before.plugged;
        try {
            if (before.plugged != wanted.plugged) {
                plug(vm, nic, wanted.plugged, action);
            } else if (deviceUpdate) {
                vdsm(vm, "UPDATE_VNIC_FAILED", action, "pci_passthrough".equals(nic.iface));
            }
        } catch (EngineFault e) {
            nic.restore(before); // forceCompensation: a failed update changes nothing
            throw e;
        }
        return nic;
    }

    void remove(Vm vm, Nic nic) {
        if (!vm.status.equals("down") && !vm.status.equals("image_locked") && nic.plugged) {
            throw EngineFault.of("ACTION_TYPE_FAILED_CANNOT_REMOVE_ACTIVE_DEVICE", "remove");
        }
        vm.nics.remove(nic);
        vm.lingering.remove(nic.mac);
    }

    /** What the guest agent reports: the MACs the guest has, and for a few reads those it just released. */
    List<String> reported(Vm vm) {
        if (!vm.up() || !vm.guest.agent) {
            return List.of();
        }
        List<String> out = new ArrayList<>(vm.nics.stream().filter(n -> n.plugged).map(n -> n.mac).toList());
        for (var it = vm.lingering.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (!out.contains(e.getKey())) {
                out.add(e.getKey());
            }
            if (e.setValue(e.getValue() - 1) <= 1) {
                it.remove();
            }
        }
        return out;
    }

    /** Shutdown: the guest powers off when it heeds ACPI or its agent; the NICs keep what they are. */
    void shutdown(Vm vm) {
        if (vm.up() && vm.guest.shutsDown) {
            down(vm);
        }
    }

    void stop(Vm vm) {
        if (vm.status.equals("down") || vm.status.equals("powering_down")) {
            return;
        }
        if (vm.guest.poweringDownReads > 0) {
            vm.status = "powering_down";
            vm.poweringDown = vm.guest.poweringDownReads;
        } else {
            down(vm);
        }
    }

    /** A read of the VM: one that is powering down after a power-off is down after its reads. */
    void read(Vm vm) {
        if (vm.status.equals("powering_down") && --vm.poweringDown <= 0) {
            down(vm);
        }
    }

    /** Runs the VM on a host of its cluster the scheduler lets it run on, with its plugged NICs. */
    void start(Vm vm) {
        if (!vm.status.equals("down")) {
            throw EngineFault.of("ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL", "run", "type", "VM", "vmStatus",
                    vm.status);
        }
        vm.hostId = s.hosts.values().stream().filter(h -> h.clusterId.equals(vm.clusterId) && h.schedulable)
                .map(h -> h.id).findFirst()
                .orElseThrow(() -> EngineFault.of("SCHEDULING_ALL_HOSTS_FILTERED_OUT", "run", "type", "VM"));
        vm.status = "up";
    }

    /** ActivateDeactivateVmNicCommand: the flag of a VM not up, the device through VDSM of a VM that is up. */
    private void plug(Vm vm, Nic nic, boolean plug, String action) {
        String verb = plug ? "activate" : "deactivate";
        if (!PLUGGABLE.contains(vm.status)) {
            throw EngineFault.of("ACTION_TYPE_FAILED_VM_STATUS_ILLEGAL", verb, "vmStatus", vm.status);
        }
        if (plug && !s.macPoolOf(vm).allowDuplicates) { // validated for a VM in any status, up or not
            Optional<Vm> holder = s.vms.values().stream().filter(v -> v.nics.stream()
                    .anyMatch(n -> n != nic && n.plugged && n.mac.equalsIgnoreCase(nic.mac))).findFirst();
            if (holder.isPresent()) {
                throw EngineFault.of("NETWORK_MAC_ADDRESS_IN_USE", verb, "MacAddress", nic.mac, "VmName",
                        holder.get().name);
            }
        }
        if (HOTPLUG.contains(vm.status)) {
            onHost(vm, nic.profileId);
            if (plug) {
                boolean broken = nic.profileId != null && host(vm).brokenNetworkIds.contains(network(nic.profileId));
                vdsm(vm, "ACTIVATE_NIC_FAILED", action, broken);
            } else {
                vdsm(vm, "DEACTIVATE_NIC_FAILED", action, !vm.guest.releases);
                if (vm.guest.agentLag > 0) {
                    vm.lingering.put(nic.mac, vm.guest.agentLag);
                }
            }
        }
        nic.plugged = plug;
    }

    /** A VDSM call that fails when {@code fails} holds or a test asked for it. */
    private void vdsm(Vm vm, String code, String action, boolean fails) {
        Deque<String> injected = vdsmFailures.get(vm.id);
        if (fails || injected != null && injected.remove(code)) {
            throw EngineFault.of(code, action);
        }
    }

    private void statusUpDownLocked(Vm vm, String action) {
        if (!UP_DOWN_LOCKED.contains(vm.status)) {
            throw EngineFault.of("NETWORK_CANNOT_ADD_INTERFACE_WHEN_VM_STATUS_NOT_UP_DOWN_LOCKED", action);
        }
    }

    /** VmValidator.checkPciAndIdeLimit, with every NIC of the configuration counted, plugged or not. */
    private void pciWithinLimit(Vm vm, List<String> ifaces, String action) {
        int nics = 0;
        for (String iface : ifaces) {
            nics += iface.equals("rtl8139_virtio") ? 2 : iface.equals("spapr_vlan") ? 0 : 1;
        }
        int used = vm.monitors + 1 + nics + vm.virtioDisks + (vm.virtioScsi ? 1 : 0) + (vm.watchdog ? 1 : 0)
                + (vm.soundcard ? 1 : 0);
        if (used > MAX_PCI_DEVICES) {
            throw EngineFault.of("ACTION_TYPE_FAILED_EXCEEDED_MAX_PCI_SLOTS", action);
        }
    }

    private Profile profile(Vm vm, String id, String action) {
        Profile p = s.profiles.get(id);
        if (p == null || !s.networks.get(p.networkId()).dataCenterId().equals(s.dataCenterOf(vm))) {
            throw EngineFault.of("ACTION_TYPE_FAILED_VNIC_PROFILE_NOT_EXISTS", action);
        }
        return p;
    }

    private boolean mirrors(String profileId) {
        return profileId != null && s.profiles.get(profileId).portMirroring();
    }

    private void onHost(Vm vm, String profileId) {
        if (profileId != null && vm.up() && !host(vm).networkIds.contains(network(profileId))) {
            throw EngineFault.of("ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS", "activate");
        }
    }

    private Host host(Vm vm) {
        return s.hosts.get(vm.hostId);
    }

    private String network(String profileId) {
        return s.profiles.get(profileId).networkId();
    }

    /** A MAC that {@code self} of {@code vm} may take: free in the pool of the VM's cluster, or it allows duplicates. */
    private String available(Vm vm, String mac, Nic self) {
        if (!mac.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            throw EngineFault.badRequest("[MAC Address must be in format \"HH:HH:HH:HH:HH:HH\" where H is a"
                    + " hexadecimal character (either a digit or A-F, case is insignificant).]");
        }
        EngineState.MacPool pool = s.macPoolOf(vm);
        Optional<Vm> holder = s.vms.values().stream().filter(v -> s.macPoolOf(v) == pool)
                .filter(v -> v.nics.stream().anyMatch(n -> n != self && n.mac.equalsIgnoreCase(mac))).findFirst();
        if (holder.isPresent() && !pool.allowDuplicates) {
            throw EngineFault.of("NETWORK_MAC_ADDRESS_IN_USE", "add", "MacAddress", mac, "VmName",
                    holder.get().name);
        }
        return mac;
    }

    /** A MAC of the VM's pool that no NIC of that pool has. */
    private String allocate(Vm vm) {
        EngineState.MacPool pool = s.macPoolOf(vm);
        Set<String> used = new HashSet<>();
        s.vms.values().stream().filter(v -> s.macPoolOf(v) == pool).forEach(v -> v.nics.forEach(n -> used.add(n.mac)));
        for (long m = pool.first; m <= pool.last; m++) {
            String mac = String.format("%012x", m).replaceAll("(..)(?!$)", "$1:");
            if (!used.contains(mac)) {
                return mac;
            }
        }
        throw EngineFault.of("MAC_POOL_NOT_ENOUGH_MAC_ADDRESSES", "add");
    }

    private boolean versionAtLeast(int major, int minor) {
        String[] v = s.version.split("\\.");
        int ma = Integer.parseInt(v[0]);
        int mi = v.length > 1 ? Integer.parseInt(v[1]) : 0;
        return ma > major || ma == major && mi >= minor;
    }

    private static void down(Vm vm) {
        vm.status = "down";
        vm.hostId = null;
        vm.lingering.clear();
    }
}
