package io.nicsync.plugin.ovirt;

import io.nicsync.spi.MacAddress;

/**
 * A NIC as the engine keeps it in the VM's configuration: {@code plugged} says whether it is in the running VM
 * (and started with the VM); an unplugged NIC is configured but in neither.
 *
 * @param iface the engine's {@code nic_interface} value, such as {@code virtio}; null when this SDK cannot name it
 * @param profileId the vNIC profile; null for none (the engine's {@code <Empty>} profile)
 */
record EngineNic(String id, String name, MacAddress mac, String iface, String profileId, boolean linked,
        boolean plugged) {
}
