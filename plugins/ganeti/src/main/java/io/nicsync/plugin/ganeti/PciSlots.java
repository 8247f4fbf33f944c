package io.nicsync.plugin.ganeti;

import io.nicsync.spi.HotplugCapacity;
import java.util.Set;

/**
 * How many NICs Ganeti can still hotplug into a running instance, by the rules of its KVM hypervisor
 * ({@code hv_kvm._GetBusSlots}, {@code _GenerateDeviceHVInfo}) and of OpInstanceSetParams:
 *
 * <ul>
 *   <li>QEMU's bus {@code pci.0} has 32 slots; the first {@code kvm_pci_reservations} (default 12) are left to
 *       QEMU's own devices; every NIC and every disk that is not SCSI takes one more (at start Ganeti gives each an
 *       address; a hot-add takes the first free one, a hot-remove frees it);</li>
 *   <li>an instance has at most 8 NICs in its configuration, its node group's instance policy may allow fewer,
 *       and it cannot start with more than its free slots take: at start Ganeti gives every configured NIC and
 *       disk a slot and refuses to run it otherwise ("All slots occupied").</li>
 * </ul>
 *
 * Hotplug needs the KVM hypervisor, a running instance, ACPI (the guest's PCI hotplug events) and the i440fx bus:
 * Ganeti 3.0 plugs into {@code pci.0}, which a q35 machine does not have.
 */
final class PciSlots {
    static final int SLOTS = 32;
    static final int DEFAULT_RESERVATIONS = 12;
    private static final Set<String> SCSI = Set.of("scsi-block", "scsi-generic", "scsi-hd", "scsi-cd");

    private PciSlots() {
    }

    /** @param vmNics the NICs the running VM has (configured ones it lacks not counted, unconfigured ones counted) */
    static HotplugCapacity of(Instance instance, boolean running, int vmNics, int maxNics) {
        if (!running) {
            return HotplugCapacity.unsupported("the instance is not running: only its configuration changes, and"
                    + " the next start brings it");
        }
        if (!instance.isKvm()) {
            return HotplugCapacity.unsupported("hypervisor " + instance.hypervisor()
                    + ": Ganeti hotplugs NICs on KVM only");
        }
        if (instance.machineVersion() != null && instance.machineVersion().contains("q35")) {
            return HotplugCapacity.unsupported("machine " + instance.machineVersion()
                    + ": Ganeti hotplugs into the i440fx bus pci.0, which q35 does not have");
        }
        if (Boolean.FALSE.equals(instance.acpi())) {
            return HotplugCapacity.unsupported("acpi is off: the guest would see no PCI hotplug event");
        }
        if (Models.NOT_HOTPLUGGABLE.equals(instance.nicType())) {
            return HotplugCapacity.unsupported("nic_type " + Models.NOT_HOTPLUGGABLE
                    + " is an ISA card, which Ganeti does not hotplug");
        }
        int reserved = reservations(instance);
        int disks = pciDisks(instance);
        int pciFree = Math.max(0, SLOTS - reserved - vmNics - disks);
        int most = Math.min(maxNics, bootable(instance));
        int configFree = Math.max(0, most - instance.nics().size());
        String detail = pciFree + " of " + SLOTS + " PCI slots free (" + reserved + " kept by kvm_pci_reservations, "
                + vmNics + " NIC(s), " + disks + " disk(s)); the configuration takes " + configFree + " more NIC(s)"
                + " (at most " + most + ")";
        return HotplugCapacity.slots(Math.min(pciFree, configFree), detail);
    }

    /** The most NICs the instance can start with: the slots neither reserved nor taken by its disks. */
    static int bootable(Instance instance) {
        return Math.max(0, SLOTS - reservations(instance) - pciDisks(instance));
    }

    static int reservations(Instance instance) {
        return instance.pciReservations() == null ? DEFAULT_RESERVATIONS : instance.pciReservations();
    }

    static int pciDisks(Instance instance) {
        if ("diskless".equals(instance.diskTemplate()) || SCSI.contains(instance.diskType())) {
            return 0;
        }
        return instance.diskCount();
    }
}
