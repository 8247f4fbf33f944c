package io.nicsync.plugin.ovirt;

import io.nicsync.spi.Vocabulary;

/**
 * The NIC models a desired NIC may name: the engine's {@code nic_interface} values this SDK (4.4.5) can write and a
 * guest can be given as a new NIC. {@code e1000e} came with engine 4.5 and is unknown to the SDK; {@code
 * rtl8139_virtio}, {@code spapr_vlan} and {@code pci_passthrough} (an SR-IOV profile's NIC) are observed as they
 * are, never declared. New NICs get {@code virtio}, as the engine's own default.
 */
final class Models {
    static final String DEFAULT = "virtio";
    static final Vocabulary VOCABULARY = Vocabulary.of("virtio", "e1000", "rtl8139");

    private Models() {
    }
}
