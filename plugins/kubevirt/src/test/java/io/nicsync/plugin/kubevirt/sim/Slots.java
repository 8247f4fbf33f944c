package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/**
 * How many NICs the simulated virt-launcher can still plug, as each release lays out PCI ports at boot:
 * v1.0-1.5 reserve {@code 4 - interfaces at boot} placeholder ports; v1.6+ size a pool of 8 ports (16 above
 * 2 GiB of guest memory) keeping at least 3 (6) free beyond the boot interfaces; v1.8+ record the count in
 * the {@code kubevirt.io/pci-interface-slot-count} annotation.
 */
final class Slots {
    static final String SLOT_COUNT = "kubevirt.io/pci-interface-slot-count";
    static final String TOPOLOGY_VERSION = "kubevirt.io/pci-topology-version";
    private static final BigDecimal TWO_GIB = BigDecimal.valueOf(2L << 30);

    private Slots() {
    }

    /** Ports for interfaces in total, fixed when the VMI boots with {@code bootInterfaces} interfaces. */
    static int total(int minor, int bootInterfaces, JsonNode vmiSpec) {
        if (minor <= 5) {
            return Math.max(bootInterfaces, 4);
        }
        boolean big = memory(vmiSpec).compareTo(TWO_GIB) > 0;
        return Math.max(big ? 16 : 8, bootInterfaces + (big ? 6 : 3));
    }

    static BigDecimal memory(JsonNode vmiSpec) {
        JsonNode domain = vmiSpec.path("domain");
        String guest = domain.path("memory").path("guest").asText(
                domain.path("resources").path("requests").path("memory").asText("0"));
        return Quantity.getAmountInBytes(new Quantity(guest));
    }
}
