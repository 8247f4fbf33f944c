package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the simulated components remember about one running VMI beyond its objects: the PCI ports laid out at
 * boot, the VM template's NICs it booted from (KubeVirt's controller revision of the VM), RestartRequired, a
 * network change that waits for a migration, NICs the guest holds on to.
 */
final class Memo {
    final int slots;
    /** The template's {@code interfaces} and {@code networks} as the VM started, as written (null: none). */
    JsonNode bootTemplate;
    boolean restartRequired;
    boolean networkChanged;
    /** NICs the guest does not let go of (no ACPI hotplug, a busy driver): unplugs of them never finish. */
    final java.util.Set<String> held = new java.util.HashSet<>();
    /** The NAD (namespace/name) multus plumbed into the launcher pod for each interface: the live network. */
    final java.util.Map<String, String> podNetworks = new java.util.TreeMap<>();
    /** Which launcher pod runs the VMI: a migration moves it to a new one. */
    int pod;

    Memo(int slots) {
        this.slots = slots;
    }
}
