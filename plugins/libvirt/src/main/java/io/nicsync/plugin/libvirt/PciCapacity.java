package io.nicsync.plugin.libvirt;

import io.nicsync.spi.HotplugCapacity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Free PCI room for hotplugged NICs, read from a running domain's live XML.
 *
 * <p>i440fx: slots 0x01-0x1f of pci-root and of every pci-bridge are hotpluggable (through ACPI, so the
 * domain needs {@code <features><acpi/>}); slot 0x00 holds the host bridge, 0x01 the ISA/IDE/USB/ACPI
 * function, and 0x02 is kept for the primary video card when the domain has one. q35: each hotplugged
 * device needs a pcie-root-port of its own; a port is free when no device sits on its bus and hotplug is not
 * switched off on it ({@code <target hotplug='off'/>}).
 */
final class PciCapacity {
    private static final int FIRST_SLOT = 0x01;
    private static final int LAST_SLOT = 0x1f;
    private static final int ISA_SLOT = 0x01;
    private static final int VIDEO_SLOT = 0x02;

    private PciCapacity() {
    }

    static HotplugCapacity of(DomainXml live) {
        if (live.q35()) {
            return q35(live);
        }
        if (live.i440fx()) {
            if (!live.acpi()) {
                return HotplugCapacity.unsupported("i440fx without ACPI (no <features><acpi/>): "
                        + "pci.0 does not support hotplugging");
            }
            return i440fx(live);
        }
        return HotplugCapacity.unsupported("machine type " + live.machineType() + ": PCI hotplug capacity unknown");
    }

    private static HotplugCapacity q35(DomainXml live) {
        Set<Integer> busy = usedBuses(live);
        int free = 0;
        int ports = 0;
        for (Element c : live.controllers("pci")) {
            if (!"pcie-root-port".equals(Xml.attr(c, "model"))) {
                continue;
            }
            ports++;
            int index = Integer.parseInt(Xml.attr(c, "index"));
            if (!busy.contains(index) && hotpluggable(c)) {
                free++;
            }
        }
        return HotplugCapacity.slots(free, free + " of " + ports + " pcie-root-ports free");
    }

    private static HotplugCapacity i440fx(DomainXml live) {
        Set<Integer> used0 = usedSlots(live, 0);
        used0.add(0x00);
        used0.add(ISA_SLOT);
        if (live.devices().stream().anyMatch(e -> e.getTagName().equals("video"))) {
            used0.add(VIDEO_SLOT);
        }
        int rootFree = freeIn(used0);
        int bridgeFree = 0;
        int bridges = 0;
        for (Element c : live.controllers("pci")) {
            if ("pci-bridge".equals(Xml.attr(c, "model")) && hotpluggable(c)) {
                bridges++;
                int index = Integer.parseInt(Xml.attr(c, "index"));
                Set<Integer> used = usedSlots(live, index);
                used.add(0x00); // a pci-bridge's slot 0 is not usable for devices
                bridgeFree += freeIn(used);
            }
        }
        String detail = rootFree + " free slots on pci-root"
                + (bridges == 0 ? "" : ", " + bridgeFree + " on " + bridges + " pci-bridge(s)");
        return HotplugCapacity.slots(rootFree + bridgeFree, detail);
    }

    private static int freeIn(Set<Integer> used) {
        int free = 0;
        for (int slot = FIRST_SLOT; slot <= LAST_SLOT; slot++) {
            if (!used.contains(slot)) {
                free++;
            }
        }
        return free;
    }

    private static boolean hotpluggable(Element controller) {
        return !"off".equals(Xml.childAttr(controller, "target", "hotplug"));
    }

    private static Set<Integer> usedBuses(DomainXml live) {
        Set<Integer> buses = new HashSet<>();
        for (Element a : pciAddresses(live)) {
            buses.add(InterfaceReader.hex(a, "bus"));
        }
        return buses;
    }

    private static Set<Integer> usedSlots(DomainXml live, int bus) {
        Set<Integer> slots = new HashSet<>();
        for (Element a : pciAddresses(live)) {
            if (InterfaceReader.hex(a, "bus") == bus) {
                slots.add(InterfaceReader.hex(a, "slot"));
            }
        }
        return slots;
    }

    private static List<Element> pciAddresses(DomainXml live) {
        return live.devices().stream()
                .flatMap(d -> Xml.children(d, "address").stream())
                .filter(a -> "pci".equals(Xml.attr(a, "type")))
                .toList();
    }
}
