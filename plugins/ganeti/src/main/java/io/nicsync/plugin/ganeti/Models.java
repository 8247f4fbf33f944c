package io.nicsync.plugin.ganeti;

import io.nicsync.spi.Vocabulary;

/**
 * NIC models, which Ganeti's KVM calls {@code nic_type}. Ganeti's {@code paravirtual} is QEMU's virtio-net-pci,
 * nicsync's (and libvirt's) {@code virtio}; every other type keeps its Ganeti name. The type is a hypervisor
 * parameter of the instance, so all NICs of one instance have the same model, and changing it is not a NIC
 * change.
 */
final class Models {
    static final String VIRTIO = "virtio";
    private static final String PARAVIRTUAL = "paravirtual";
    /** Ganeti's KVM hotplugs every type but this ISA card. */
    static final String NOT_HOTPLUGGABLE = "ne2k_isa";

    static final Vocabulary VOCABULARY = Vocabulary.of(VIRTIO, "e1000", "rtl8139", "i82551", "i82557b", "i82559er",
            "ne2k_pci", "pcnet", NOT_HOTPLUGGABLE);

    private Models() {
    }

    /** nicsync's model for a {@code nic_type}; null when the hypervisor has none. */
    static String model(String nicType) {
        if (nicType == null || nicType.isEmpty()) {
            return null;
        }
        return nicType.equals(PARAVIRTUAL) ? VIRTIO : nicType;
    }

    static String nicType(String model) {
        return VIRTIO.equals(model) ? PARAVIRTUAL : model;
    }
}
