package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.nicsync.spi.HotplugCapacity;
import java.math.BigDecimal;

/**
 * How many more NICs a running VMI can take, as its KubeVirt release laid out PCI ports when it booted
 * (KubeVirt has no API for it, community#220):
 * <ul>
 *   <li>v1.0-1.5: {@code ReservedInterfaces} = 4 placeholders less the interfaces at boot, so 4 - current;</li>
 *   <li>v1.6-1.7: a pool of 8 ports (16 above 2 GiB of guest memory), at least 3 (6) free after boot; the
 *       interface count at boot is not in the API, so the guarantee is not counted: a lower bound;</li>
 *   <li>v1.8+: the {@code kubevirt.io/pci-interface-slot-count} annotation, else as v1.6;</li>
 *   <li>{@code kubevirt.io/placePCIDevicesOnRootComplex}: no hotplug ports at all.</li>
 * </ul>
 * Interfaces count from the VMI spec (not absent), pending ones included: they take a port when plugged.
 */
final class PlaceholderCapacity {
    static final String SLOT_COUNT = "kubevirt.io/pci-interface-slot-count";
    static final String ROOT_COMPLEX = "kubevirt.io/placePCIDevicesOnRootComplex";
    private static final BigDecimal TWO_GIB = BigDecimal.valueOf(2L << 30);

    private PlaceholderCapacity() {
    }

    static HotplugCapacity of(Version version, JsonNode vmi) {
        if (vmi == null) {
            return HotplugCapacity.unsupported("not running: NIC changes go to the VM template only");
        }
        JsonNode annotations = vmi.path("metadata").path("annotations");
        if ("true".equals(annotations.path(ROOT_COMPLEX).asText())) {
            return HotplugCapacity.unsupported(ROOT_COMPLEX + " places devices on the root complex: no hotplug ports");
        }
        int current = 0;
        for (JsonNode iface : Interfaces.interfaces(vmi.path("spec"))) {
            current += Interfaces.absent(iface) ? 0 : 1;
        }
        if (version.atLeast(8) && annotations.hasNonNull(SLOT_COUNT)) {
            int slots = annotations.path(SLOT_COUNT).asInt();
            return free(slots - current, slots + " interface slots (" + SLOT_COUNT + "), " + current + " used");
        }
        if (version.atLeast(6)) {
            int pool = memory(vmi.path("spec")).compareTo(TWO_GIB) > 0 ? 16 : 8;
            return free(pool - current, "port pool of " + pool + ", " + current + " interfaces (" + version + ")");
        }
        return free(4 - current, "4 reserved interface placeholders, " + current + " interfaces (" + version + ")");
    }

    private static HotplugCapacity free(int free, String detail) {
        return HotplugCapacity.slots(Math.max(0, free), detail);
    }

    static BigDecimal memory(JsonNode vmiSpec) {
        JsonNode domain = vmiSpec.path("domain");
        String guest = domain.path("memory").path("guest").asText(
                domain.path("resources").path("requests").path("memory").asText("0"));
        return Quantity.getAmountInBytes(new Quantity(guest));
    }
}
