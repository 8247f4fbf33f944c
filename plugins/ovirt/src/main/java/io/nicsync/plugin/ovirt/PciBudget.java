package io.nicsync.plugin.ovirt;

import io.nicsync.spi.HotplugCapacity;
import java.util.List;

/**
 * How many more NICs a running VM takes: the engine refuses a NIC that would exceed the VM's PCI devices
 * (ACTION_TYPE_FAILED_EXCEEDED_MAX_PCI_SLOTS), counted as ovirt-engine's {@code VmValidator.checkPciAndIdeLimit}
 * counts them: the console's monitors, the balloon, every NIC of the configuration, plugged or not (an
 * {@code rtl8139_virtio} one twice, an {@code spapr_vlan} one not at all), the virtio-blk disks, the virtio-scsi
 * controller, a watchdog and a sound card, against the guest OS's {@code maxPciDevices}: 26, osinfo's default, which
 * the API does not show.
 */
record PciBudget(int monitors, List<String> nicInterfaces, int virtioDisks, boolean virtioScsi, boolean watchdog,
        boolean soundcard) {
    static final int MAX_PCI_DEVICES = 26;

    /** @param nicInterfaces each NIC's interface; null for one the SDK cannot name (it counts as one device) */
    PciBudget {
        nicInterfaces = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(nicInterfaces));
    }

    int used() {
        int nics = 0;
        for (String iface : nicInterfaces) {
            nics += "rtl8139_virtio".equals(iface) ? 2 : "spapr_vlan".equals(iface) ? 0 : 1;
        }
        return monitors + 1 + nics + virtioDisks + (virtioScsi ? 1 : 0) + (watchdog ? 1 : 0) + (soundcard ? 1 : 0);
    }

    HotplugCapacity capacity() {
        int free = Math.max(0, MAX_PCI_DEVICES - used());
        return HotplugCapacity.slots(free, free + " of the engine's " + MAX_PCI_DEVICES + " PCI devices free ("
                + nicInterfaces.size() + " NICs, " + virtioDisks + " virtio disks, " + monitors + " monitors, the balloon"
                + (virtioScsi ? ", virtio-scsi" : "") + (watchdog ? ", a watchdog" : "")
                + (soundcard ? ", a sound card" : "") + ")");
    }
}
