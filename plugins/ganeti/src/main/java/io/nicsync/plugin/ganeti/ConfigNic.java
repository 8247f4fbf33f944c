package io.nicsync.plugin.ganeti;

import io.nicsync.spi.MacAddress;

/**
 * One NIC of an instance as Ganeti's configuration has it.
 *
 * @param index its position: Ganeti addresses NICs by index, name or UUID; nicsync uses the UUID
 * @param name the NIC's Ganeti name, which is its nicsync name; null when it has none
 * @param mode {@code bridged}, {@code routed} or {@code openvswitch}
 * @param link the bridge (bridged), routing table (routed) or switch (openvswitch)
 * @param vlan Ganeti's VLAN string ({@code .100}, {@code :100:200}); empty for none
 * @param network the name of the Ganeti network the NIC is on, null for none
 */
record ConfigNic(int index, String uuid, String name, MacAddress mac, String mode, String link, String vlan,
        String network, String ip) {

    /** A name or, for a NIC without one, its MAC: how messages refer to it. */
    String label() {
        return name != null ? name : String.valueOf(mac);
    }
}
