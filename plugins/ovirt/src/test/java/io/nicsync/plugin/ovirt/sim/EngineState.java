package io.nicsync.plugin.ovirt.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the simulated engine holds: data centers, clusters, logical networks and their vNIC profiles, hosts with the
 * networks attached to them, a MAC pool, and VMs with their NICs and their guests. The guest facts (does it have a
 * guest agent, does it release an unplugged device, does it shut down on ACPI) and VDSM's failures are what a real
 * engine learns from its hosts; here they are set by a test. Every access is under the state's lock
 * ({@link SimEngine} takes it per request).
 */
public final class EngineState {
    public String version = "4.5.6";
    public final Map<String, String> users = new LinkedHashMap<>();
    public final Map<String, DataCenter> dataCenters = new LinkedHashMap<>();
    public final Map<String, Cluster> clusters = new LinkedHashMap<>();
    public final Map<String, Network> networks = new LinkedHashMap<>();
    public final Map<String, Profile> profiles = new LinkedHashMap<>();
    public final Map<String, Host> hosts = new LinkedHashMap<>();
    public final Map<String, Vm> vms = new LinkedHashMap<>();
    /** The engine's default MAC pool, every cluster's unless a test gives one another. */
    public final MacPool macPool = new MacPool("58ca604b-017d-0374-0220-00000000014e", "Default");
    public final Map<String, MacPool> macPools = new LinkedHashMap<>(Map.of(macPool.id, macPool));

    public record DataCenter(String id, String name) {
    }

    /** A cluster, with the MAC pool its VMs' MACs come from (MacPoolPerCluster: several clusters may share one). */
    public record Cluster(String id, String name, String dataCenterId, String macPoolId) {
    }

    public record Network(String id, String name, String dataCenterId) {
    }

    public record Profile(String id, String name, String networkId, boolean portMirroring, boolean passthrough) {
    }

    public static final class Host {
        public final String id;
        public final String name;
        public final String clusterId;
        /** The networks attached to the host's NICs: VDSM has their bridges. */
        public final Set<String> networkIds = new HashSet<>();
        /** Networks whose bridge VDSM cannot plug a NIC into (hotplugNic fails, error 49). */
        public final Set<String> brokenNetworkIds = new HashSet<>();
        /** Whether the scheduler lets a VM run here (not: no memory left, maintenance, ...). */
        public boolean schedulable = true;

        public Host(String id, String name, String clusterId) {
            this.id = id;
            this.name = name;
            this.clusterId = clusterId;
        }
    }

    /** A MAC pool: a range, no duplicates unless allowed (the engine's default pool allows none). */
    public static final class MacPool {
        public final String id;
        public final String name;
        public long first = 0x566f_1a00_0000L;
        public long last = 0x566f_1a00_00ffL;
        public boolean allowDuplicates;

        public MacPool(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** The guest inside a VM, as VDSM and the guest agent see it. */
    public static final class Guest {
        /** Whether a guest agent runs and reports the NICs the guest has. */
        public boolean agent = true;
        /** Whether the guest lets go of an unplugged device (an ACPI-aware OS does; a stuck or bare one does not). */
        public boolean releases = true;
        /** Whether it shuts down when asked (ACPI or the agent). */
        public boolean shutsDown = true;
        /** How many reads of the reported devices still show a NIC the guest has just released. */
        public int agentLag = 1;
        /** How many reads of the VM show it powering down after a power-off before it is down (0: at once). */
        public int poweringDownReads;
    }

    public static final class Vm {
        public final String id;
        public final String name;
        public final String clusterId;
        public String status;
        public String hostId;
        public int monitors = 1;
        public int virtioDisks = 1;
        public boolean virtioScsi = true;
        public boolean watchdog;
        public boolean soundcard;
        public final Guest guest = new Guest();
        public final List<Nic> nics = new ArrayList<>();
        /** MACs the guest agent goes on reporting after an unplug, with the reads left. */
        public final Map<String, Integer> lingering = new LinkedHashMap<>();
        /** Reads left that show it powering down after a power-off. */
        int poweringDown;

        public Vm(String id, String name, String clusterId, String status) {
            this.id = id;
            this.name = name;
            this.clusterId = clusterId;
            this.status = status;
        }

        public Optional<Nic> nic(String id) {
            return nics.stream().filter(n -> n.id.equals(id)).findFirst();
        }

        public boolean up() {
            return "up".equals(status);
        }
    }

    public static final class Nic {
        public final String id;
        public String name;
        public String iface;
        public String mac;
        /** Null for none: the engine's {@code <Empty>} profile. */
        public String profileId;
        public boolean linked;
        public boolean plugged;

        public Nic(String id, String name, String iface, String mac, String profileId, boolean linked, boolean plugged) {
            this.id = id;
            this.name = name;
            this.iface = iface;
            this.mac = mac;
            this.profileId = profileId;
            this.linked = linked;
            this.plugged = plugged;
        }

        Nic copy() {
            return new Nic(id, name, iface, mac, profileId, linked, plugged);
        }

        void restore(Nic from) {
            name = from.name;
            iface = from.iface;
            mac = from.mac;
            profileId = from.profileId;
            linked = from.linked;
            plugged = from.plugged;
        }
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    public Optional<Vm> vmByName(String name) {
        return vms.values().stream().filter(v -> v.name.equals(name)).findFirst();
    }

    public String dataCenterOf(Vm vm) {
        return clusters.get(vm.clusterId).dataCenterId();
    }

    public Optional<Profile> profileIn(String dataCenterId, String network, String profile) {
        return profiles.values().stream()
                .filter(p -> p.name().equals(profile) && networks.get(p.networkId()).name().equals(network)
                        && networks.get(p.networkId()).dataCenterId().equals(dataCenterId))
                .findFirst();
    }

    /** The MAC pool of the VM's cluster. */
    public MacPool macPoolOf(Vm vm) {
        return macPools.get(clusters.get(vm.clusterId).macPoolId());
    }
}
