package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import java.util.List;

/**
 * What a Ganeti NIC is connected to, as nicsync names it. A NIC on a Ganeti network ({@code gnt-network}) is on
 * that network, whatever mode and link the network's connection to the node group gives it; a NIC without one is
 * on its link in its mode. NICs can be declared on a bridge (bridged mode) or a Ganeti network; the rest is only
 * observed, VLANs included: Ganeti applies a bridged NIC's VLAN only on bridges with VLAN filtering, and nicsync
 * has not verified that.
 */
final class Networks {
    static final String BRIDGE = "bridge";
    static final String NETWORK = "network";
    static final String BRIDGE_VLAN = "bridge-vlan";
    static final String ROUTED = "routed";
    static final String OPENVSWITCH = "openvswitch";
    static final String OTHER_MODE = "ganeti-mode";

    static final List<NetworkKind> KINDS = List.of(
            NetworkKind.hostBridge("a Linux bridge on the Ganeti node: a NIC in bridged mode with this link"),
            NetworkKind.platformNetwork("a Ganeti network (gnt-network); its connection to the instance's node"
                    + " group sets the NIC's mode and link"),
            NetworkKind.observed(BRIDGE_VLAN, "a Linux bridge with a Ganeti VLAN on the NIC (observed only)",
                    "link", "vlan"),
            NetworkKind.observed(ROUTED, "Ganeti's routed mode: no bridge, routing table as link (observed only)",
                    "link"),
            NetworkKind.observed(OPENVSWITCH, "an Open vSwitch as link, with its VLAN (observed only)",
                    "switch", "vlan"),
            NetworkKind.observed(OTHER_MODE, "any other Ganeti NIC mode (observed only)", "mode", "link"));

    private Networks() {
    }

    static NetworkRef of(ConfigNic nic) {
        if (nic.network() != null) {
            return NetworkRef.named(NETWORK, nic.network());
        }
        String vlan = nic.vlan() == null || nic.vlan().isEmpty() ? null : nic.vlan();
        return switch (String.valueOf(nic.mode())) {
            case "bridged" -> vlan == null ? NetworkRef.named(BRIDGE, nic.link())
                    : NetworkRef.of(BRIDGE_VLAN, "link", nic.link(), "vlan", vlan);
            case "routed" -> NetworkRef.of(ROUTED, "link", nic.link());
            case "openvswitch" -> NetworkRef.of(OPENVSWITCH, "switch", nic.link(), "vlan", vlan);
            default -> NetworkRef.of(OTHER_MODE, "mode", nic.mode(), "link", nic.link());
        };
    }

    /** A bridge or a Ganeti network: what nicsync puts a NIC on and moves a plugged NIC between. */
    static boolean manageable(NetworkRef ref) {
        return ref.is(BRIDGE) || ref.is(NETWORK);
    }

    /**
     * The NIC parameters that put a NIC on {@code to}. Leaving a Ganeti network takes {@code network: none}; a
     * bridge gets an empty VLAN so that a VLAN the NIC had does not follow it.
     */
    static void put(ObjectNode params, NetworkRef to, boolean onNetworkNow) {
        if (to.is(NETWORK)) {
            params.put("network", to.name());
        } else if (to.is(BRIDGE)) {
            if (onNetworkNow) {
                params.put("network", "none");
            }
            params.put("mode", "bridged").put("link", to.name()).put("vlan", "");
        } else {
            throw new IllegalArgumentException("nicsync puts NICs only on bridges and Ganeti networks, not " + to);
        }
    }
}
