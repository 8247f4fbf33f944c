package io.nicsync.bench;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/**
 * The Java floor of reading a libvirt host, as a process of its own: connect, {@code listAllDomains}, then
 * {@code getXMLDesc} of every domain one after the other, nothing parsed. Prints the domain count and bytes.
 *
 * <p>Usage: {@code RawLibvirtXml URI}
 */
public final class RawLibvirtXml {
    private RawLibvirtXml() {
    }

    public static void main(String[] args) throws LibvirtException {
        Connect connect = new Connect(args.length > 0 ? args[0] : "qemu:///system", true);
        try {
            int domains = 0;
            long bytes = 0;
            for (Domain d : connect.listAllDomains(0)) {
                try {
                    bytes += d.getXMLDesc(0).length();
                    domains++;
                } catch (LibvirtException e) {
                    if (e.getError().getCode() != ErrorNumber.VIR_ERR_NO_DOMAIN) { // gone since the listing
                        throw e;
                    }
                }
            }
            System.out.println(domains + " domains, " + bytes + " bytes of XML");
        } finally {
            connect.close();
        }
    }
}
