package io.nicsync.plugin.libvirt;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import org.w3c.dom.Element;

/**
 * One {@code <interface>} of one definition (live or persistent) of a domain, read into SPI terms, with the
 * element it came from so that edits start from the full current XML (libvirt does not inherit fields an
 * update leaves out).
 *
 * @param pciAddress {@code 0000:00:03.0}, null when the definition has no PCI address for it
 */
record DomainNic(String name, MacAddress mac, NicSpec spec, String pciAddress, Element element) {

    /** Whether this entry is the NIC a step means: by name when the step has one, else by MAC. */
    boolean matches(NicSpec wanted) {
        return Nics.identifies(wanted, name, mac);
    }
}
