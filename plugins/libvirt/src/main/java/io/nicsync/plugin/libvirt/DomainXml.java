package io.nicsync.plugin.libvirt;

import io.nicsync.spi.NicSpec;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One definition of a domain (live or persistent) as a DOM, for edits: a change to a NIC starts from its
 * full current element. Observe reads {@link DomainFacts} instead, without building a tree.
 */
final class DomainXml {
    private final Document doc;

    private DomainXml(Document doc) {
        this.doc = doc;
    }

    static DomainXml parse(String xml) {
        return new DomainXml(Xml.parse(xml));
    }

    Element root() {
        return doc.getDocumentElement();
    }

    List<Element> devices() {
        return Xml.child(root(), "devices").map(Xml::children).orElse(List.of());
    }

    List<DomainNic> nics() {
        return devices().stream().filter(e -> e.getTagName().equals("interface")).map(InterfaceReader::read).toList();
    }

    Optional<DomainNic> nic(NicSpec wanted) {
        return nics().stream().filter(n -> n.matches(wanted)).findFirst();
    }
}
