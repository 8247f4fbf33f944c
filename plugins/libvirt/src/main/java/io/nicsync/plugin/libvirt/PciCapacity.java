package io.nicsync.plugin.libvirt;

import io.nicsync.plugin.libvirt.DomainFacts.PciAddress;
import io.nicsync.plugin.libvirt.DomainFacts.PciController;
import io.nicsync.spi.HotplugCapacity;
import java.util.HashSet;
import java.util.Set;

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

    static HotplugCapacity of(DomainFacts live) {
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

    private static HotplugCapacity q35(DomainFacts live) {
        Set<Integer> busy = usedBuses(live);
        int free = 0;
        int ports = 0;
        for (PciController c : live.pciControllers()) {
            if (!"pcie-root-port".equals(c.model())) {
                continue;
            }
            ports++;
            int index = Integer.parseInt(c.index());
            if (!busy.contains(index) && !c.hotplugOff()) {
                free++;
            }
        }
        return HotplugCapacity.slots(free, free + " of " + ports + " pcie-root-ports free");
    }

    private static HotplugCapacity i440fx(DomainFacts live) {
        Set<Integer> used0 = usedSlots(live, 0);
        used0.add(0x00);
        used0.add(ISA_SLOT);
        if (live.video()) {
            used0.add(VIDEO_SLOT);
        }
        int rootFree = freeIn(used0);
        int bridgeFree = 0;
        int bridges = 0;
        for (PciController c : live.pciControllers()) {
            if ("pci-bridge".equals(c.model()) && !c.hotplugOff()) {
                bridges++;
                int index = Integer.parseInt(c.index());
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

    private static Set<Integer> usedBuses(DomainFacts live) {
        Set<Integer> buses = new HashSet<>();
        for (PciAddress a : live.pciAddresses()) {
            buses.add(InterfaceReader.hex(a.bus()));
        }
        return buses;
    }

    private static Set<Integer> usedSlots(DomainFacts live, int bus) {
        Set<Integer> slots = new HashSet<>();
        for (PciAddress a : live.pciAddresses()) {
            if (InterfaceReader.hex(a.bus()) == bus) {
                slots.add(InterfaceReader.hex(a.slot()));
            }
        }
        return slots;
    }
}
