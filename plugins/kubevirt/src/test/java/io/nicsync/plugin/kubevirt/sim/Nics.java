package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** How KubeVirt reads one interface entry: its binding, its requested state, what it takes to change it. */
final class Nics {
    private static final Set<String> BINDINGS = Set.of("bridge", "masquerade", "sriov", "slirp", "macvtap", "passt",
            "passtBinding", "binding");

    private Nics() {
    }

    /**
     * The interfaces of a VMI spec or VM template as they are: an empty array, not attached to the object, when
     * it has none. Reading never writes: KubeVirt leaves a template without interfaces as it is.
     */
    static ArrayNode interfaces(JsonNode vmiSpec) {
        return existing(vmiSpec.path("domain").path("devices").path("interfaces"));
    }

    static ArrayNode networks(JsonNode vmiSpec) {
        return existing(vmiSpec.path("networks"));
    }

    /** The interfaces of {@code vmiSpec}, created empty when missing: for a component that appends to them. */
    static ArrayNode interfacesToWrite(ObjectNode vmiSpec) {
        return Json.arr(vmiSpec, "domain", "devices", "interfaces");
    }

    static ArrayNode networksToWrite(ObjectNode vmiSpec) {
        return Json.arr(vmiSpec, "networks");
    }

    private static ArrayNode existing(JsonNode node) {
        return node instanceof ArrayNode array ? array : Json.MAPPER.createArrayNode();
    }

    static ArrayNode status(ObjectNode vmi) {
        return Json.arr(vmi, "status", "interfaces");
    }

    static String binding(JsonNode iface) {
        for (String b : BINDINGS) {
            if (iface.has(b)) {
                return b;
            }
        }
        return null;
    }

    static boolean absent(JsonNode iface) {
        return "absent".equals(iface.path("state").asText());
    }

    static boolean hotpluggable(JsonNode iface) {
        String b = binding(iface);
        return "bridge".equals(b) || "sriov".equals(b);
    }

    static String networkName(JsonNode network) {
        return network == null ? null : Json.text(network.path("multus"), "networkName");
    }

    static boolean attached(JsonNode statusEntry) {
        return statusEntry != null && statusEntry.path("infoSource").asText("").contains("domain");
    }
}
