package io.nicsync.plugin.ovirt;

import io.nicsync.spi.MacAddress;
import java.util.Objects;

/**
 * What one request writes of a NIC; null fields are not sent, so the engine keeps what it has.
 *
 * @param profileId the vNIC profile; {@link #NO_PROFILE} for none
 */
record NicWrite(String name, String iface, MacAddress mac, String profileId, Boolean linked, Boolean plugged) {
    /** The engine's {@code <Empty>} profile: a NIC on no network, written as a profile without an id. */
    static final String NO_PROFILE = "";
    /** A write of nothing, for the {@code with} methods to start from. */
    static final NicWrite NOTHING = new NicWrite(null, null, null, null, null, null);

    NicWrite withPlugged(Boolean now) {
        return new NicWrite(name, iface, mac, profileId, linked, now);
    }

    NicWrite withProfile(String now) {
        return new NicWrite(name, iface, mac, now, linked, plugged);
    }

    NicWrite withLinked(Boolean now) {
        return new NicWrite(name, iface, mac, profileId, now, plugged);
    }

    /** Whether {@code nic} has everything this write gives it. */
    boolean shownBy(EngineNic nic) {
        return (name == null || name.equals(nic.name()))
                && (iface == null || iface.equals(nic.iface()))
                && (mac == null || mac.equals(nic.mac()))
                && (profileId == null || Objects.equals(profileId.equals(NO_PROFILE) ? null : profileId,
                        nic.profileId()))
                && (linked == null || linked == nic.linked())
                && (plugged == null || plugged == nic.plugged());
    }
}
