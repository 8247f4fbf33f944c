package io.nicsync.plugin.libvirt;

import io.nicsync.spi.NicSpec;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** One definition of a domain (live or persistent) as far as nicsync reads it. */
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

    /** The machine type as written, such as {@code pc-i440fx-7.2}, {@code pc} or {@code pc-q35-7.2}; null if none. */
    String machineType() {
        return Xml.child(root(), "os").flatMap(os -> Xml.child(os, "type")).map(t -> Xml.attr(t, "machine")).orElse(null);
    }

    boolean q35() {
        String m = machineType();
        return m != null && m.contains("q35");
    }

    /** i440fx is what libvirt and QEMU call {@code pc}; both {@code pc} and {@code pc-i440fx-*} mean it. */
    boolean i440fx() {
        String m = machineType();
        return m != null && (m.equals("pc") || m.contains("i440fx"));
    }

    boolean acpi() {
        return Xml.child(root(), "features").flatMap(f -> Xml.child(f, "acpi")).isPresent();
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

    /** Whether the domain boots through {@code <os><boot dev=...>}, which excludes per-device boot orders. */
    boolean bootsThroughOs() {
        return Xml.child(root(), "os").map(os -> !Xml.children(os, "boot").isEmpty()).orElse(false);
    }

    /**
     * The device other than {@code nic} that already has boot order {@code order}, described as libvirt
     * users know it ({@code disk vda}, {@code interface ua-net1}); libvirt refuses a second device with it.
     */
    Optional<String> bootOrderHolder(int order, NicSpec nic) {
        String wanted = Integer.toString(order);
        for (Element device : devices()) {
            boolean sameNic = device.getTagName().equals("interface") && InterfaceReader.read(device).matches(nic);
            if (!sameNic && Xml.children(device, "boot").stream().anyMatch(b -> wanted.equals(Xml.attr(b, "order")))) {
                return Optional.of(describe(device));
            }
        }
        return Optional.empty();
    }

    private static String describe(Element device) {
        String id = Xml.childAttr(device, "alias", "name");
        if (id == null) {
            id = Xml.childAttr(device, "target", "dev");
        }
        if (id == null) {
            id = Xml.childAttr(device, "mac", "address");
        }
        return id == null ? device.getTagName() : device.getTagName() + " " + id;
    }

    List<Element> controllers(String type) {
        return devices().stream()
                .filter(e -> e.getTagName().equals("controller") && type.equals(Xml.attr(e, "type")))
                .toList();
    }
}
