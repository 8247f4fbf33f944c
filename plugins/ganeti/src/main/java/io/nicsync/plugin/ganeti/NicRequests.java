package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;

/**
 * The bodies of {@code PUT /2/instances/NAME/modify} for one NIC: OpInstanceSetParams' {@code nics} as
 * {@code [[op, identifier, params]]}, always with an explicit {@code hotplug}.
 *
 * <ul>
 *   <li>Identifiers are strings ({@code "-1"} appends): Ganeti's job parser refuses a list that mixes numbers and
 *       strings. Existing NICs are named by UUID, which no index shift or name can confuse.</li>
 *   <li>{@code hotplug} is always given: Ganeti 3.0 defaults to {@code false}, 3.1 to {@code true}, and 3.1 no
 *       longer has {@code hotplug_if_possible}, which is never sent.</li>
 *   <li>Never {@code dry_run} together with {@code hotplug}: Ganeti 3.0.2 hotplugs while it checks the
 *       request's prerequisites, so a dry run would plug the device for real, leaving it in the VM and not in
 *       the configuration.</li>
 * </ul>
 */
final class NicRequests {
    private NicRequests() {
    }

    static ObjectNode add(NicSpec spec, MacAddress mac, boolean hotplug) {
        ObjectNode params = Json.object();
        if (spec.name() != null) {
            params.put("name", spec.name());
        }
        if (mac != null) {
            params.put("mac", mac.value());
        }
        Networks.put(params, spec.network(), false);
        return body("add", "-1", params, hotplug);
    }

    /** {@code nic} added back as it was configured (its name, MAC, mode, link, VLAN or network), not hotplugged. */
    static ObjectNode addAsConfigured(ConfigNic nic) {
        ObjectNode params = Json.object();
        if (nic.name() != null) {
            params.put("name", nic.name());
        }
        params.put("mac", nic.mac().value());
        if (nic.network() != null) {
            params.put("network", nic.network());
        } else {
            params.put("mode", nic.mode()).put("link", nic.link()).put("vlan", nic.vlan() == null ? "" : nic.vlan());
        }
        return body("add", "-1", params, false);
    }

    static ObjectNode remove(String nicUuid, boolean hotplug) {
        return body("remove", nicUuid, Json.object(), hotplug);
    }

    static ObjectNode modify(String nicUuid, ObjectNode params, boolean hotplug) {
        return body("modify", nicUuid, params, hotplug);
    }

    /**
     * The parameters that put a NIC back as {@code before} had it, now that it is as {@code now}. The MAC is sent
     * only when it changed: Ganeti refuses a MAC the configuration holds already, even the NIC's own.
     */
    static ObjectNode asBefore(ConfigNic before, ConfigNic now) {
        ObjectNode params = Json.object();
        if (before.mac() != null && !before.mac().equals(now.mac())) {
            params.put("mac", before.mac().value());
        }
        if (before.network() != null) {
            params.put("network", before.network());
        } else {
            params.put("network", "none").put("mode", before.mode()).put("link", before.link())
                    .put("vlan", before.vlan() == null ? "" : before.vlan());
        }
        return params;
    }

    /** A check of the request's prerequisites that changes nothing: no hotplug, so Ganeti touches no VM. */
    static ObjectNode dryRun(ObjectNode body) {
        return body.put("hotplug", false).put("dry_run", true);
    }

    private static ObjectNode body(String op, String identifier, ObjectNode params, boolean hotplug) {
        ObjectNode body = Json.object();
        ArrayNode mod = body.putArray("nics").addArray();
        mod.add(op).add(identifier).add(params);
        return body.put("hotplug", hotplug);
    }
}
