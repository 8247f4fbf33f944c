package io.nicsync.spi;

import java.util.Objects;

/**
 * What nicsync tells the people who look after a VM on its platform, such as "NIC uplink hotplugged" or "rolled
 * back": for KubeVirt a Kubernetes Event on the VirtualMachine, which {@code kubectl describe vm} shows.
 *
 * @param reason one CamelCase word a machine can match, such as {@code NicHotplugged}
 * @param message one line for people
 */
public record Announcement(Type type, String reason, String message) {

    /** As Kubernetes' Event types: something that went as meant, or something someone should look at. */
    public enum Type {
        NORMAL,
        WARNING
    }

    public Announcement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        if (reason == null || !reason.matches("[A-Z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("an announcement's reason is one CamelCase word, not '" + reason + "'");
        }
    }
}
