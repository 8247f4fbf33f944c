package io.nicsync.plugin.ovirt;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.TargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MACs a plan gives NICs, checked as the engine checks them where the MAC pool of the VM's cluster allows no
 * duplicates (MacPoolPerCluster gives each cluster its pool): a MAC is unique within its pool when a NIC is added or
 * changed (MacAddressValidator.isMacAssignableValidator), and a NIC is plugged only if no plugged NIC of any VM has
 * its MAC (ActivateDeactivateVmNicCommand.macAvailable, which looks the MAC up among all plugged NICs). So a MAC an
 * unplugged NIC of another pool has is no conflict, one a plugged NIC has is for a NIC to be plugged, and two NICs a
 * plan gives the same MAC are one where the engine would refuse the second.
 */
final class MacClaims {
    /**
     * A MAC a step gives NIC {@code nic} of VM {@code vm}, in cluster {@code clusterId}.
     *
     * @param plugs whether the step plugs the NIC too (an add; a new NIC of a VM that is down is added plugged)
     */
    record Claim(String vm, String clusterId, String nic, MacAddress mac, boolean plugs) {
        String who() {
            return vm + "/" + nic;
        }
    }

    private final Engine engine;
    private final Map<String, EngineCluster> clusters;

    MacClaims(Engine engine, Map<String, EngineCluster> clusters) {
        this.engine = engine;
        this.clusters = clusters;
    }

    void check(Set<Claim> claims, List<String> problems) throws TargetException {
        if (claims.isEmpty()) {
            return;
        }
        Map<String, Boolean> duplicatesAllowed = new HashMap<>();
        for (Claim c : claims) {
            String pool = pool(c.clusterId());
            if (!duplicatesAllowed.containsKey(pool)) {
                duplicatesAllowed.put(pool, pool != null && engine.allowsDuplicateMacs(pool));
            }
        }
        Map<String, String> inPool = new HashMap<>();
        Map<MacAddress, String> plugged = new HashMap<>();
        for (EngineVm vm : engine.vms()) {
            for (EngineNic nic : engine.nics(vm)) {
                if (nic.mac() != null) {
                    inPool.put(pool(vm.clusterId()) + " " + nic.mac().value(), vm.name() + "/" + nic.name());
                    if (nic.plugged()) {
                        plugged.put(nic.mac(), vm.name() + "/" + nic.name());
                    }
                }
            }
        }
        Map<String, Claim> claimedInPool = new HashMap<>();
        Map<MacAddress, Claim> claimedPlugged = new HashMap<>();
        for (Claim c : claims) {
            String pool = pool(c.clusterId());
            if (duplicatesAllowed.get(pool)) {
                continue;
            }
            String key = pool + " " + c.mac().value();
            Claim sameInPool = other(claimedInPool.putIfAbsent(key, c), c);
            Claim samePlugged = c.plugs() ? other(claimedPlugged.putIfAbsent(c.mac(), c), c) : null;
            String why = inPool.containsKey(key) ? "is in use by " + inPool.get(key)
                    : c.plugs() && plugged.containsKey(c.mac()) ? "is that of " + plugged.get(c.mac())
                            + ", plugged, and the engine plugs no NIC whose MAC a plugged NIC has"
                    : sameInPool != null ? "is also given to " + sameInPool.who() + " by this plan"
                    : samePlugged != null ? "is also given to " + samePlugged.who() + " by this plan, plugged"
                    : null;
            if (why != null) {
                problems.add(c.who() + ": MAC " + c.mac() + " " + why + ", and the MAC pool allows no duplicates"
                        + " (NETWORK_MAC_ADDRESS_IN_USE)");
            }
        }
    }

    /** {@code earlier} when it is another NIC's claim (a persist and an add of one NIC claim its MAC once). */
    private static Claim other(Claim earlier, Claim c) {
        return earlier == null || earlier.who().equals(c.who()) ? null : earlier;
    }

    /** The MAC pool of a cluster; null (one unknown pool) where the engine does not say. */
    private String pool(String clusterId) {
        EngineCluster cluster = clusters.get(clusterId);
        return cluster == null ? null : cluster.macPoolId();
    }
}
