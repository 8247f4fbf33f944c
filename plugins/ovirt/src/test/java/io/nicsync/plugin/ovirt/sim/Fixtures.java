package io.nicsync.plugin.ovirt.sim;

import io.nicsync.plugin.ovirt.sim.EngineState.Cluster;
import io.nicsync.plugin.ovirt.sim.EngineState.DataCenter;
import io.nicsync.plugin.ovirt.sim.EngineState.Host;
import io.nicsync.plugin.ovirt.sim.EngineState.Network;
import io.nicsync.plugin.ovirt.sim.EngineState.Nic;
import io.nicsync.plugin.ovirt.sim.EngineState.Profile;
import io.nicsync.plugin.ovirt.sim.EngineState.Vm;

/**
 * The simulated engine's usual contents: data center {@code Default} with cluster {@code Default} and host
 * {@code host1}; networks {@code ovirtmgmt}, {@code lab-a} and {@code lab-b} on the host, {@code lab-far} not on it,
 * {@code lab-broken} on it but with a bridge VDSM cannot plug into; each network with a profile of its own name, and
 * {@code lab-a/mirrored} that mirrors ports; a second data center {@code Other} with its own {@code ovirtmgmt}. VMs:
 * {@code web-01} (up, one NIC {@code nic1} on {@code ovirtmgmt/ovirtmgmt}), {@code web-02} (down, one NIC),
 * {@code stuck} (up, one NIC; its guest never releases an unplugged NIC) and {@code quiet} (up, no guest agent). The user
 * {@code admin@internal} has the password {@link #PASSWORD}.
 */
public final class Fixtures {
    public static final String USER = "admin@internal";
    public static final String PASSWORD = "engine-password";

    private Fixtures() {
    }

    public static EngineState standard() {
        EngineState s = new EngineState();
        s.users.put(USER, PASSWORD);
        dataCenter(s, "Default", "dc0");
        dataCenter(s, "Other", "dc9");
        Host host = new Host(id("host1"), "host1", id("cluster-Default"));
        s.hosts.put(host.id, host);
        for (String net : new String[] {"ovirtmgmt", "lab-a", "lab-b", "lab-far", "lab-broken"}) {
            Network n = new Network(id("net-" + net), net, id("dc-Default"));
            s.networks.put(n.id(), n);
            profile(s, net, net, false);
            if (!net.equals("lab-far")) {
                host.networkIds.add(n.id());
            }
        }
        host.brokenNetworkIds.add(id("net-lab-broken"));
        profile(s, "lab-a", "mirrored", true);
        Vm web01 = vm(s, "web-01", "up");
        nic(s, web01, "nic1", "56:6f:1a:00:00:01", "ovirtmgmt");
        Vm web02 = vm(s, "web-02", "down");
        nic(s, web02, "nic1", "56:6f:1a:00:00:02", "ovirtmgmt");
        Vm stuck = vm(s, "stuck", "up");
        stuck.guest.releases = false;
        nic(s, stuck, "nic1", "56:6f:1a:00:00:03", "ovirtmgmt");
        vm(s, "quiet", "up").guest.agent = false;
        return s;
    }

    private static void dataCenter(EngineState s, String name, String tag) {
        DataCenter dc = new DataCenter(id("dc-" + name), name);
        s.dataCenters.put(dc.id(), dc);
        Cluster c = new Cluster(id("cluster-" + name), name, dc.id(), s.macPool.id);
        s.clusters.put(c.id(), c);
        if (!name.equals("Default")) {
            Network n = new Network(id("net-" + tag + "-ovirtmgmt"), "ovirtmgmt", dc.id());
            s.networks.put(n.id(), n);
            s.profiles.put(id("profile-" + tag), new Profile(id("profile-" + tag), "ovirtmgmt", n.id(), false, false));
        }
    }

    private static void profile(EngineState s, String network, String name, boolean mirrors) {
        Profile p = new Profile(id("profile-" + network + "-" + name), name, id("net-" + network), mirrors, false);
        s.profiles.put(p.id(), p);
    }

    /** A VM in cluster Default, up on host1 or down. */
    public static Vm vm(EngineState s, String name, String status) {
        return vm(s, name, status, "Default");
    }

    /** A VM in cluster {@code cluster} (Default or Other), up on host1 or down. */
    public static Vm vm(EngineState s, String name, String status, String cluster) {
        Vm vm = new Vm(id("vm-" + name), name, id("cluster-" + cluster), status);
        if (status.equals("up")) {
            vm.hostId = id("host1");
        }
        s.vms.put(vm.id, vm);
        return vm;
    }

    /** Cluster {@code cluster} gets a MAC pool of its own, with the default pool's range. */
    public static EngineState.MacPool ownMacPool(EngineState s, String cluster) {
        EngineState.MacPool pool = new EngineState.MacPool(id("macpool-" + cluster), cluster);
        s.macPools.put(pool.id, pool);
        Cluster c = s.clusters.get(id("cluster-" + cluster));
        s.clusters.put(c.id(), new Cluster(c.id(), c.name(), c.dataCenterId(), pool.id));
        return pool;
    }

    /** A plugged virtio NIC on the profile named as its network. */
    public static Nic nic(EngineState s, Vm vm, String name, String mac, String network) {
        Nic nic = new Nic(id("nic-" + vm.name + "-" + name), name, "virtio", mac,
                id("profile-" + network + "-" + network), true, true);
        vm.nics.add(nic);
        return nic;
    }

    /** Ids that stay the same from run to run, so that fixtures and logs read alike. */
    static String id(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
