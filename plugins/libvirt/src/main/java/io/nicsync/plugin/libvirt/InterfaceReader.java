package io.nicsync.plugin.libvirt;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Reads an {@code <interface>} into SPI terms. Everything it needs is the interface's {@code type} and the
 * attributes of the first child element of each name ({@code <mac>}, {@code <source>}, ...), so the DOM
 * reading used for edits and the streaming reading used by observe share this one mapping.
 */
final class InterfaceReader {
    private InterfaceReader() {
    }

    static DomainNic read(Element iface) {
        Map<String, Map<String, String>> first = new HashMap<>();
        for (Element c : Xml.children(iface)) {
            first.computeIfAbsent(c.getTagName(), k -> attributes(c));
        }
        return new DomainNic(facts(Xml.attr(iface, "type"), first), iface);
    }

    /**
     * @param type the {@code type} attribute of the {@code <interface>}, null when absent
     * @param firstChildren the attributes of the first child element of each name, by element name
     */
    static NicFacts facts(String type, Map<String, Map<String, String>> firstChildren) {
        Children c = new Children(firstChildren);
        String name = Aliases.nameOf(c.attr("alias", "name"));
        String macText = c.attr("mac", "address");
        MacAddress mac = macText == null ? null : MacAddress.parse(macText);
        String model = c.attr("model", "type");
        LinkState link = "down".equals(c.attr("link", "state")) ? LinkState.DOWN : LinkState.UP;
        String boot = c.attr("boot", "order");
        Integer bootOrder = boot == null ? null : Integer.valueOf(boot);
        NicSpec spec = new NicSpec(name, mac, network(type, c.of("source")), model, null, link, bootOrder);
        return new NicFacts(name, mac, spec, pciAddress(c.of("address")));
    }

    /**
     * What the NIC is connected to. In the live XML of a running domain a NIC on a libvirt network shows
     * {@code type='bridge'} with {@code <source network='lab' bridge='br-lab0'/>}: the network attribute is
     * what the user asked for, so it wins over the type.
     */
    private static NetworkRef network(String type, Map<String, String> source) {
        String network = source == null ? null : source.get("network");
        if (network != null) {
            return new NetworkRef.LibvirtNetwork(network);
        }
        String bridge = source == null ? null : source.get("bridge");
        if ("bridge".equals(type) && bridge != null) {
            return new NetworkRef.Bridge(bridge);
        }
        if ("direct".equals(type) && source != null) {
            return new NetworkRef.Direct(source.get("dev"), source.get("mode"));
        }
        if ("user".equals(type)) {
            return new NetworkRef.User();
        }
        return new NetworkRef.Other(type == null ? "unknown" : type);
    }

    /** {@code domain:bus:slot.function} in the form lspci prints, from libvirt's hex attributes. */
    private static String pciAddress(Map<String, String> address) {
        if (address == null || !"pci".equals(address.get("type"))) {
            return null;
        }
        // By hand rather than String.format: this runs for every NIC of every domain observed.
        StringBuilder out = new StringBuilder(12);
        appendHex(out, hex(address.get("domain")), 4).append(':');
        appendHex(out, hex(address.get("bus")), 2).append(':');
        appendHex(out, hex(address.get("slot")), 2).append('.');
        return appendHex(out, hex(address.get("function")), 1).toString();
    }

    /** Lower-case hex, zero-padded to at least {@code width} digits, as {@code %0<width>x} writes it. */
    private static StringBuilder appendHex(StringBuilder out, int value, int width) {
        String digits = Integer.toHexString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    /** A libvirt number attribute: {@code 0x1f} or {@code 31}; absent counts as 0. */
    static int hex(String v) {
        if (v == null) {
            return 0;
        }
        return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> out = new HashMap<>();
        var map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            out.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        return out;
    }

    private record Children(Map<String, Map<String, String>> first) {
        Map<String, String> of(String child) {
            return first.get(child);
        }

        String attr(String child, String attr) {
            Map<String, String> attrs = first.get(child);
            return attrs == null ? null : attrs.get(attr);
        }
    }
}
