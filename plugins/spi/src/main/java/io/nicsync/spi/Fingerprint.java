package io.nicsync.spi;

import java.util.Objects;

/**
 * A value that changes whenever the NIC-relevant state of a VM changes (libvirt: a hash of the NIC parts of
 * the live and persistent XML; KubeVirt: the resourceVersions of VM and VMI). A saved plan records it and
 * is refused when it no longer matches.
 */
public record Fingerprint(String value) {
    public Fingerprint {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
