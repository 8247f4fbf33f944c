package io.nicsync.plugin.libvirt;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;

/**
 * What one {@code <interface>} of one definition (live or persistent) says, in SPI terms.
 *
 * @param name the nicsync name from the user alias, null for a NIC nicsync did not create
 * @param pciAddress {@code 0000:00:03.0}, null when the definition has no PCI address for it
 */
record NicFacts(String name, MacAddress mac, NicSpec spec, String pciAddress) {
}
