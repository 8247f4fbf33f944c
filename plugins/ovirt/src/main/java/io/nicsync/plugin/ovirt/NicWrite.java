package io.nicsync.plugin.ovirt;

import io.nicsync.spi.MacAddress;

/**
 * What one request writes of a NIC; null fields are not sent, so the engine keeps what it has.
 *
 * @param profileId the vNIC profile; {@link #NO_PROFILE} for none
 */
record NicWrite(String name, String iface, MacAddress mac, String profileId, Boolean linked, Boolean plugged) {
    /** The engine's {@code <Empty>} profile: a NIC on no network, written as a profile without an id. */
    static final String NO_PROFILE = "";

    static NicWrite plugged(boolean plugged) {
        return new NicWrite(null, null, null, null, null, plugged);
    }

    NicWrite withPlugged(Boolean now) {
        return new NicWrite(name, iface, mac, profileId, linked, now);
    }
}
