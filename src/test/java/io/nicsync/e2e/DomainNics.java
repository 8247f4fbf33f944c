package io.nicsync.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A domain's NICs as {@code virsh dumpxml} (live) and {@code virsh dumpxml --inactive} (persistent) show
 * them, parsed here rather than by the plugin, so that a test compares the plugin's work with libvirt's
 * own account. Sorted by alias and MAC: a rolled-back unplug plugs the NIC back at the end of the list, and
 * that is the same state.
 */
record DomainNics(List<Nic> live, List<Nic> persistent) {

    /**
     * @param alias the user alias ({@code ua-NAME}), null for a NIC without one (libvirt's own {@code net0}
     *     names nothing and changes with every start)
     * @param source {@code bridge:NAME} or {@code network:NAME}
     * @param link {@code up} or {@code down}
     */
    record Nic(String alias, String mac, String source, String model, String link) {
    }

    static DomainNics of(String domain) {
        return new DomainNics(parse(Lab.virsh("dumpxml", domain)), parse(Lab.virsh("dumpxml", "--inactive", domain)));
    }

    Optional<Nic> live(String nicName) {
        return find(live, nicName);
    }

    Optional<Nic> persistent(String nicName) {
        return find(persistent, nicName);
    }

    private static Optional<Nic> find(List<Nic> nics, String nicName) {
        return nics.stream().filter(n -> ("ua-" + nicName).equals(n.alias())).findFirst();
    }

    static List<Nic> parse(String xml) {
        try {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList interfaces = doc.getElementsByTagName("interface");
            List<Nic> nics = new ArrayList<>();
            for (int i = 0; i < interfaces.getLength(); i++) {
                Element e = (Element) interfaces.item(i);
                if (!(e.getParentNode() instanceof Element p) || !p.getTagName().equals("devices")) {
                    continue;
                }
                String alias = attr(e, "alias", "name");
                Element source = child(e, "source");
                String where = source == null ? null
                        // a live type='network' NIC also names the network's bridge: the network is what counts
                        : e.getAttribute("type").equals("network") ? "network:" + source.getAttribute("network")
                        : "bridge:" + source.getAttribute("bridge");
                String link = attr(e, "link", "state");
                nics.add(new Nic(alias != null && alias.startsWith("ua-") ? alias : null, attr(e, "mac", "address"),
                        where, attr(e, "model", "type"), link == null ? "up" : link));
            }
            nics.sort(Comparator.comparing((Nic n) -> String.valueOf(n.alias())).thenComparing(n -> String.valueOf(n.mac())));
            return List.copyOf(nics);
        } catch (Exception e) {
            throw new AssertionError("cannot parse domain XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static Element child(Element e, String tag) {
        NodeList list = e.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String attr(Element e, String tag, String attribute) {
        Element c = child(e, tag);
        return c == null || !c.hasAttribute(attribute) ? null : c.getAttribute(attribute);
    }
}
