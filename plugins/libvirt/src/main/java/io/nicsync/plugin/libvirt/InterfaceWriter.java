package io.nicsync.plugin.libvirt;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds and edits {@code <interface>} elements. Edits work on a copy of the full current element: libvirt's
 * update replaces the whole device, so anything left out would be lost.
 */
final class InterfaceWriter {
    static final String DEFAULT_MODEL = "virtio";

    private InterfaceWriter() {
    }

    /** A new {@code <interface>} for a NIC nicsync creates; {@code mac} may be null (libvirt assigns one). */
    static Element create(NicSpec spec, MacAddress mac) {
        Document doc = Xml.newDocument();
        Element iface = doc.createElement("interface");
        doc.appendChild(iface);
        if (mac != null) {
            Xml.ensureChild(iface, "mac").setAttribute("address", mac.value());
        }
        setNetwork(iface, spec.network());
        Xml.ensureChild(iface, "model").setAttribute("type", spec.model() == null ? DEFAULT_MODEL : spec.model());
        setLink(iface, spec.link());
        setBootOrder(iface, spec.bootOrder());
        if (spec.name() != null) {
            Xml.ensureChild(iface, "alias").setAttribute("name", Aliases.of(spec.name()));
        }
        return iface;
    }

    /** A detached copy of {@code current} with the parts {@code spec} decides (network, model, link, boot). */
    static Element edited(Element current, NicSpec spec) {
        Element copy = copy(current);
        setNetwork(copy, spec.network());
        if (spec.model() != null) {
            Xml.ensureChild(copy, "model").setAttribute("type", spec.model());
        }
        setLink(copy, spec.link());
        setBootOrder(copy, spec.bootOrder());
        return copy;
    }

    static Element withNetwork(Element current, NetworkRef to) {
        Element copy = copy(current);
        setNetwork(copy, to);
        return copy;
    }

    static Element withLink(Element current, LinkState to) {
        Element copy = copy(current);
        setLink(copy, to);
        return copy;
    }

    /**
     * A copy fit to send back to libvirt. A live NIC on a libvirt network reads {@code type='bridge'} with the
     * network's bridge and port id in its source; sent back like that it would ask for a type change, so it
     * is turned back into the {@code type='network'} form the user wrote.
     */
    static Element copy(Element current) {
        Document doc = Xml.newDocument();
        Element copy = (Element) doc.importNode(current, true);
        doc.appendChild(copy);
        Xml.child(copy, "source").filter(s -> s.hasAttribute("network")).ifPresent(s -> {
            copy.setAttribute("type", "network");
            s.removeAttribute("bridge");
            s.removeAttribute("portid");
        });
        return copy;
    }

    private static void setNetwork(Element iface, NetworkRef network) {
        Element source = Xml.ensureChild(iface, "source");
        if (!Networks.manageable(network)) {
            throw new IllegalArgumentException(
                    "a libvirt NIC can only be put on a bridge or a libvirt network, not " + network.display());
        }
        // the interface type and the source attribute are both named after the kind: bridge, network
        iface.setAttribute("type", network.kind());
        clearAttributes(source);
        source.setAttribute(network.kind(), network.name());
    }

    private static void setLink(Element iface, LinkState link) {
        // No <link> element means up; writing state='up' explicitly is equally valid and survives a round trip.
        Xml.ensureChild(iface, "link").setAttribute("state", link.yaml());
    }

    private static void setBootOrder(Element iface, Integer order) {
        Xml.removeChildren(iface, "boot");
        if (order != null) {
            Xml.ensureChild(iface, "boot").setAttribute("order", order.toString());
        }
    }

    private static void clearAttributes(Element e) {
        while (e.getAttributes().getLength() > 0) {
            e.removeAttribute(e.getAttributes().item(0).getNodeName());
        }
    }
}
