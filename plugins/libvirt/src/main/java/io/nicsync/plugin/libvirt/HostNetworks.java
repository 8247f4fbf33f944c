package io.nicsync.plugin.libvirt;

import io.nicsync.spi.NetworkRef;
import java.util.Optional;

/** Whether what a NIC is to be connected to exists on the host, so that a step can be refused before it runs. */
interface HostNetworks {

    /** Empty when {@code ref} is usable; otherwise what is wrong with it, in words. */
    Optional<String> problem(NetworkRef ref);
}
