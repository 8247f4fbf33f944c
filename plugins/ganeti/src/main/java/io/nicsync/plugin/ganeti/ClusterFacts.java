package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cluster says about the networks NICs can be on and the limits on NICs, read once when a target is
 * opened and again for every preflight: the Ganeti networks (with their MAC prefix and the node groups they are
 * connected to) and each node group's instance policy.
 *
 * @param version Ganeti's {@code software_version}, such as {@code 3.0.2}
 */
record ClusterFacts(String version, Map<String, GanetiNetwork> networks, Map<String, NicCountPolicy> groups) {

    /** Ganeti's hard limit on NICs per instance ({@code constants.MAX_NICS}). */
    static final int MAX_NICS = 8;

    ClusterFacts {
        networks = Map.copyOf(networks);
        groups = Map.copyOf(groups);
    }

    /**
     * A Ganeti network.
     *
     * @param macPrefix the prefix Ganeti gives the MACs of NICs it puts on it; null for the cluster's own
     * @param connections node group to the mode and link its NICs get there
     */
    record GanetiNetwork(String name, String macPrefix, Map<String, String> connections) {
        GanetiNetwork {
            connections = Map.copyOf(connections);
        }
    }

    /**
     * The {@code nic-count} bounds of a node group's instance policy: an instance fits when its NIC count lies in
     * one of the ranges. Ganeti checks them on every NIC change.
     */
    record NicCountPolicy(List<int[]> ranges) {
        NicCountPolicy {
            ranges = List.copyOf(ranges);
        }

        boolean allows(int count) {
            return ranges.isEmpty() || ranges.stream().anyMatch(r -> count >= r[0] && count <= r[1]);
        }

        int max() {
            return ranges.stream().mapToInt(r -> r[1]).max().orElse(MAX_NICS);
        }

        String describe() {
            return ranges.stream().map(r -> "[" + r[0] + ", " + r[1] + "]").reduce((a, b) -> a + " or " + b)
                    .orElse("any");
        }
    }

    static ClusterFacts of(JsonNode info, JsonNode networks, JsonNode groups) {
        Map<String, GanetiNetwork> byName = new LinkedHashMap<>();
        for (JsonNode n : networks) {
            Map<String, String> connections = new LinkedHashMap<>();
            // [group, mode, link, vlan]
            for (JsonNode c : n.path("group_list")) {
                connections.put(c.path(0).asText(), c.path(1).asText() + " " + c.path(2).asText());
            }
            byName.put(n.path("name").asText(), new GanetiNetwork(n.path("name").asText(),
                    Json.text(n.get("mac_prefix")), connections));
        }
        Map<String, NicCountPolicy> policies = new LinkedHashMap<>();
        for (JsonNode g : groups) {
            List<int[]> ranges = new ArrayList<>();
            for (JsonNode minmax : g.path("ipolicy").path("minmax")) {
                JsonNode min = minmax.path("min").path("nic-count");
                JsonNode max = minmax.path("max").path("nic-count");
                if (min.isNumber() && max.isNumber()) {
                    ranges.add(new int[] {min.asInt(), max.asInt()});
                }
            }
            policies.put(g.path("name").asText(), new NicCountPolicy(ranges));
        }
        return new ClusterFacts(Json.text(info.get("software_version")), byName, policies);
    }

    Optional<GanetiNetwork> network(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    /** The NICs an instance of {@code group} may have at most: Ganeti's hard limit or its group's policy. */
    int maxNics(String group) {
        NicCountPolicy policy = groups.get(group);
        return policy == null ? MAX_NICS : Math.min(MAX_NICS, policy.max());
    }

    /** Ganeti 3.1 and later hotplug by default and dropped {@code hotplug_if_possible}. */
    boolean hotplugByDefault() {
        return version != null && !version.startsWith("2.") && !version.startsWith("3.0");
    }
}
