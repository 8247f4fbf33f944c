package io.nicsync.plugin.libvirt;

import java.util.List;

/**
 * What observe needs from one definition (live or persistent) of a domain, read in one streaming pass by
 * {@link DomainFactsReader}. Edits do not use it: they need the full elements ({@link DomainXml}).
 *
 * @param active whether the root carries an {@code id}, which only a running (or paused) domain has
 * @param machineType as written in {@code <os><type machine=...>}, such as {@code pc-q35-7.2}; null if none
 * @param acpi whether {@code <features>} has {@code <acpi/>}
 * @param pciControllers the {@code <controller type='pci'>} devices, in document order
 * @param pciAddresses every PCI {@code <address>} of a device, in document order
 * @param video whether the domain has a {@code <video>} device
 * @param canonicalDevices the interfaces and PCI controllers in {@link CanonicalXml} form, one a line
 */
record DomainFacts(boolean active, String machineType, boolean acpi, List<NicFacts> nics,
        List<PciController> pciControllers, List<PciAddress> pciAddresses, boolean video, String canonicalDevices) {

    boolean q35() {
        return machineType != null && machineType.contains("q35");
    }

    /** i440fx is what libvirt and QEMU call {@code pc}; both {@code pc} and {@code pc-i440fx-*} mean it. */
    boolean i440fx() {
        return machineType != null && (machineType.equals("pc") || machineType.contains("i440fx"));
    }

    /**
     * @param index the controller's index as written; the bus number devices behind it use
     * @param hotplugOff whether its first {@code <target>} says {@code hotplug='off'}
     */
    record PciController(String model, String index, boolean hotplugOff) {
    }

    /** {@code bus} and {@code slot} as written: hex ({@code 0x1f}) or decimal. */
    record PciAddress(String bus, String slot) {
    }
}
