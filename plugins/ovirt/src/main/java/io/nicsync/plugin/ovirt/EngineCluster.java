package io.nicsync.plugin.ovirt;

/**
 * A cluster as nicsync reads it: the data center its VMs' NIC profiles are named in, and the MAC pool their MACs come
 * from (each cluster has one, several clusters may share one: MacPoolPerCluster).
 *
 * @param macPoolId null where the engine does not say
 */
record EngineCluster(String id, String dataCenterId, String macPoolId) {
}
