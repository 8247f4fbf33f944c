package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/** How KubeVirt reads one interface entry: its binding, its requested state, what it takes to change it. */
final class Nics {
    private static final Set<String> BINDINGS = Set.of("bridge", "masquerade", "sriov", "slirp", "macvtap", "passt",
            "passtBinding", "binding");

    private Nics() {
    }

    static ArrayNode interfaces(ObjectNode vmiSpec) {
        return Json.arr(vmiSpec, "domain", "devices", "interfaces");
    }

    static ArrayNode networks(ObjectNode vmiSpec) {
        return Json.arr(vmiSpec, "networks");
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

    /** Binding, model or MAC changes reach the guest only through a restart. */
    static boolean needsRestart(JsonNode template, JsonNode running) {
        return !Objects.equals(binding(template), binding(running))
                || !template.path("model").asText("virtio").equals(running.path("model").asText("virtio"))
                || !Objects.equals(Json.text(template, "macAddress"), Json.text(running, "macAddress"));
    }

    static String networkName(JsonNode network) {
        return network == null ? null : Json.text(network.path("multus"), "networkName");
    }

    static boolean attached(JsonNode statusEntry) {
        return statusEntry != null && statusEntry.path("infoSource").asText("").contains("domain");
    }
}
