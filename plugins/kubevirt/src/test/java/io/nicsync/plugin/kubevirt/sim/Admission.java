package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The NIC rules of KubeVirt's VirtualMachine validating webhook, as far as the simulated release has them:
 * each interface needs a network of its name, one binding, and a state the release knows; only bridge
 * interfaces on a secondary network can be marked {@code absent}.
 */
final class Admission {
    private static final Set<String> BINDINGS = Set.of("bridge", "masquerade", "sriov", "slirp", "macvtap", "passt",
            "passtBinding", "binding");

    private Admission() {
    }

    static List<String> denials(JsonNode vm, int minor) {
        JsonNode spec = vm.path("spec").path("template").path("spec");
        List<String> denials = new ArrayList<>();
        int i = 0;
        for (JsonNode iface : spec.path("domain").path("devices").path("interfaces")) {
            String at = "spec.template.spec.domain.devices.interfaces[" + i++ + "]";
            String name = iface.path("name").asText();
            JsonNode network = networkNamed(spec, name);
            if (network == null) {
                denials.add(at + ".name '" + name + "' not found.");
            }
            List<String> bindings = bindings(iface);
            if (bindings.size() != 1) {
                denials.add(at + " must have exactly one binding, has " + bindings);
            }
            String state = iface.path("state").asText("");
            Set<String> known = minor >= 5 ? Set.of("", "absent", "up", "down") : Set.of("", "absent");
            if (!known.contains(state)) {
                denials.add(at + ".state: Unsupported value: \"" + state + "\"");
            } else if (state.equals("absent") && !bindings.equals(List.of("bridge"))) {
                denials.add(at + ".state: \"absent\" is supported only for bridge binding");
            } else if (state.equals("absent") && network != null && network.has("pod")) {
                denials.add(at + ".state: \"absent\" is not supported on the default (pod) network");
            }
        }
        return denials;
    }

    private static JsonNode networkNamed(JsonNode spec, String name) {
        for (JsonNode n : spec.path("networks")) {
            if (name.equals(n.path("name").asText())) {
                return n;
            }
        }
        return null;
    }

    private static List<String> bindings(JsonNode iface) {
        List<String> found = new ArrayList<>();
        iface.fieldNames().forEachRemaining(f -> {
            if (BINDINGS.contains(f)) {
                found.add(f);
            }
        });
        return found;
    }
}
