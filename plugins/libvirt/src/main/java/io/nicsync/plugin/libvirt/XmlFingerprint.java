package io.nicsync.plugin.libvirt;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.PowerState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * SHA-256 over the NIC-relevant parts of a domain: run state, and from the live and the persistent XML
 * the interfaces, the PCI controllers (capacity) and ACPI. Canonical form: attributes sorted, whitespace
 * between elements ignored, so the same state always gives the same value whatever libvirt's formatting.
 * Parts that change on every start without meaning anything to NICs (the tap name in {@code <target dev>})
 * are left out.
 */
final class XmlFingerprint {
    private XmlFingerprint() {
    }

    static Fingerprint of(PowerState power, DomainXml live, DomainXml persistent) {
        StringBuilder canon = new StringBuilder("power=").append(power).append('\n');
        append(canon, "live", live);
        append(canon, "persistent", persistent);
        return new Fingerprint("sha256:" + sha256(canon.toString()));
    }

    private static void append(StringBuilder out, String label, DomainXml xml) {
        out.append('[').append(label).append("]\n");
        if (xml == null) {
            return;
        }
        out.append("acpi=").append(xml.acpi()).append('\n');
        List<Element> relevant = xml.devices().stream()
                .filter(e -> e.getTagName().equals("interface")
                        || (e.getTagName().equals("controller") && "pci".equals(Xml.attr(e, "type"))))
                .toList();
        for (Element e : relevant) {
            canonical(out, e);
            out.append('\n');
        }
    }

    private static void canonical(StringBuilder out, Element e) {
        if (e.getTagName().equals("target") && e.getParentNode() instanceof Element p
                && p.getTagName().equals("interface")) {
            return;
        }
        out.append('<').append(e.getTagName());
        TreeMap<String, String> attrs = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            attrs.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        attrs.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        out.append('>');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                canonical(out, c);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                out.append(n.getNodeValue().strip());
            }
        }
        out.append("</").append(e.getTagName()).append('>');
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
