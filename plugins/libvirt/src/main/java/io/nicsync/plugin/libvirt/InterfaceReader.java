package io.nicsync.plugin.libvirt;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import org.w3c.dom.Element;

/** Reads an {@code <interface>} element into a {@link DomainNic}. */
final class InterfaceReader {
    private InterfaceReader() {
    }

    static DomainNic read(Element iface) {
        String name = Aliases.nameOf(Xml.childAttr(iface, "alias", "name"));
        String macText = Xml.childAttr(iface, "mac", "address");
        MacAddress mac = macText == null ? null : MacAddress.parse(macText);
        String model = Xml.childAttr(iface, "model", "type");
        LinkState link = "down".equals(Xml.childAttr(iface, "link", "state")) ? LinkState.DOWN : LinkState.UP;
        String boot = Xml.childAttr(iface, "boot", "order");
        Integer bootOrder = boot == null ? null : Integer.valueOf(boot);
        NicSpec spec = new NicSpec(name, mac, network(iface), model, null, link, bootOrder);
        return new DomainNic(name, mac, spec, pciAddress(iface), iface);
    }

    /**
     * What the NIC is connected to. In the live XML of a running domain a NIC on a libvirt network shows
     * {@code type='bridge'} with {@code <source network='lab' bridge='br-lab0'/>}: the network attribute is
     * what the user asked for, so it wins over the type.
     */
    static NetworkRef network(Element iface) {
        String type = Xml.attr(iface, "type");
        Element source = Xml.child(iface, "source").orElse(null);
        String network = source == null ? null : Xml.attr(source, "network");
        if (network != null) {
            return Networks.network(network);
        }
        String bridge = source == null ? null : Xml.attr(source, "bridge");
        if ("bridge".equals(type) && bridge != null) {
            return Networks.bridge(bridge);
        }
        if ("direct".equals(type) && source != null) {
            return Networks.direct(Xml.attr(source, "dev"), Xml.attr(source, "mode"));
        }
        if ("user".equals(type)) {
            return NetworkRef.of(Networks.USER);
        }
        return Networks.other(type == null ? "unknown" : type);
    }

    /** {@code domain:bus:slot.function} in the form lspci prints, from libvirt's hex attributes. */
    static String pciAddress(Element iface) {
        return Xml.child(iface, "address")
                .filter(a -> "pci".equals(Xml.attr(a, "type")))
                .map(a -> String.format("%04x:%02x:%02x.%x",
                        hex(a, "domain"), hex(a, "bus"), hex(a, "slot"), hex(a, "function")))
                .orElse(null);
    }

    static int hex(Element e, String attr) {
        String v = Xml.attr(e, attr);
        if (v == null) {
            return 0;
        }
        return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }
}
