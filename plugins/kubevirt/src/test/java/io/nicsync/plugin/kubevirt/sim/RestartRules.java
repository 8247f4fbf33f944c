package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * When the VM controller sets the VM condition {@code RestartRequired} for a change of the template's NICs, by
 * release. It compares the template with the one the VMI booted from (the VM's controller revision):
 * <ul>
 *   <li>v1.0, v1.1: never (the condition came with v1.2);
 *   <li>v1.2-v1.5: any change of {@code interfaces} or {@code networks}, a hotplug, an unplug or a link change
 *       included;
 *   <li>v1.6+: only a change KubeVirt cannot make live ({@code vmliveupdate.IsRestartRequired}): an interface of
 *       the VMI removed from the template or changed other than in its {@code state} (binding, model, MAC), a
 *       network of the VMI removed or changed (from v1.8 with LiveUpdateNADRef, a multus {@code networkName}
 *       excepted), the pod network added.
 * </ul>
 * Until v1.7 the condition stays until the next start; from v1.8 it is cleared once no change needs it.
 */
final class RestartRules {
    private RestartRules() {
    }

    /** The NIC part of a template or VMI spec, as written: what the comparisons look at. */
    static ObjectNode nics(JsonNode spec) {
        ObjectNode part = Json.MAPPER.createObjectNode();
        part.set("interfaces", Nics.interfaces(spec).deepCopy());
        part.set("networks", Nics.networks(spec).deepCopy());
        return part;
    }

    /** Whether {@code template} needs a restart of the VMI {@code running} booted from {@code boot}. */
    static boolean needed(SimConfig config, JsonNode template, JsonNode boot, JsonNode running) {
        if (config.minor() < 2 || nics(template).equals(boot)) {
            return false;
        }
        return config.minor() < 6 || notLive(config, template, running);
    }

    static boolean sticky(SimConfig config) {
        return config.minor() < 8;
    }

    private static boolean notLive(SimConfig config, JsonNode template, JsonNode running) {
        for (JsonNode v : Nics.interfaces(running)) {
            JsonNode t = Json.named(Nics.interfaces(template), v.path("name").asText()).orElse(null);
            if (t == null || !withoutState(t).equals(withoutState(v))) {
                return true;
            }
        }
        boolean podWanted = Json.find(Nics.networks(template), n -> n.has("pod")).isPresent();
        if (podWanted && Json.find(Nics.networks(running), n -> n.has("pod")).isEmpty()) {
            return true;
        }
        for (JsonNode v : Nics.networks(running)) {
            JsonNode t = Json.named(Nics.networks(template), v.path("name").asText()).orElse(null);
            if (t == null || !comparable(config, t).equals(comparable(config, v))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode withoutState(JsonNode iface) {
        ObjectNode copy = iface.deepCopy();
        copy.remove("state");
        return copy;
    }

    private static JsonNode comparable(SimConfig config, JsonNode network) {
        ObjectNode copy = network.deepCopy();
        if (TemplateSync.nadChangesLive(config) && copy.path("multus") instanceof ObjectNode multus) {
            multus.remove("networkName");
        }
        return copy;
    }
}
