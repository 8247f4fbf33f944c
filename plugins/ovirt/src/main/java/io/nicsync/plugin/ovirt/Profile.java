package io.nicsync.plugin.ovirt;

/**
 * A vNIC profile, with the network it belongs to: what a NIC is on, in oVirt. Profile names are unique within their
 * network, network names within their data center.
 *
 * @param portMirroring the engine changes nothing of a plugged NIC on such a profile
 *     (CANNOT_PERFORM_HOT_UPDATE_WITH_PORT_MIRRORING)
 * @param passthrough an SR-IOV profile: the engine moves no plugged NIC to or from it
 */
record Profile(String id, String name, String networkId, String networkName, String dataCenterId,
        boolean portMirroring, boolean passthrough) {
}
