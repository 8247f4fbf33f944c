package io.nicsync.plugin.libvirt;

import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import java.util.List;

/**
 * The networks of libvirt's {@code <interface>} types, as nicsync names them. A NIC can be declared on a host bridge
 * ({@code type='bridge'}) or a libvirt virtual network ({@code type='network'}); the others are only observed.
 */
final class Networks {
    static final String BRIDGE = "bridge";
    static final String NETWORK = "network";
    static final String DIRECT = "direct";
    static final String USER = "user";
    static final String OTHER = "other";

    static final List<NetworkKind> KINDS = List.of(
            NetworkKind.hostBridge("a Linux bridge on the host (libvirt interface type bridge)"),
            NetworkKind.platformNetwork("a libvirt virtual network (libvirt interface type network)"),
            NetworkKind.observed(DIRECT, "a macvtap connection to a host device", "device", "mode"),
            NetworkKind.observed(USER, "QEMU user-mode networking"),
            NetworkKind.observed(OTHER, "any other connection, by its interface type", "type"));

    private Networks() {
    }

    static NetworkRef bridge(String name) {
        return NetworkRef.named(BRIDGE, name);
    }

    static NetworkRef network(String name) {
        return NetworkRef.named(NETWORK, name);
    }

    static NetworkRef direct(String device, String mode) {
        return NetworkRef.of(DIRECT, "device", device, "mode", mode);
    }

    static NetworkRef other(String type) {
        return NetworkRef.of(OTHER, "type", type);
    }

    /** A bridge or a libvirt network: what nicsync puts a NIC on, and moves a plugged NIC between. */
    static boolean manageable(NetworkRef ref) {
        return ref.is(BRIDGE) || ref.is(NETWORK);
    }
}
