package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import java.util.List;
import java.util.Optional;

/**
 * Reading KubeVirt interface and network entries ({@code v1.Interface}, {@code v1.Network}): a NIC is the
 * interface and the network of the same name.
 */
final class Interfaces {
    /** The binding methods KubeVirt has; exactly one is set on an interface. */
    static final List<String> BINDINGS = List.of("bridge", "masquerade", "sriov", "slirp", "macvtap", "passt",
            "passtBinding");

    private Interfaces() {
    }

    static JsonNode interfaces(JsonNode vmiSpec) {
        return vmiSpec.path("domain").path("devices").path("interfaces");
    }

    static JsonNode networks(JsonNode vmiSpec) {
        return vmiSpec.path("networks");
    }

    static Optional<JsonNode> named(JsonNode array, String name) {
        for (JsonNode e : array) {
            if (name.equals(e.path("name").asText(null))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static int indexOf(JsonNode array, String name) {
        for (int i = 0; i < array.size(); i++) {
            if (name.equals(array.get(i).path("name").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    static String binding(JsonNode iface) {
        if (iface.has("binding")) {
            return iface.path("binding").path("name").asText("binding");
        }
        return BINDINGS.stream().filter(iface::has).findFirst().orElse(null);
    }

    static boolean absent(JsonNode iface) {
        return "absent".equals(iface.path("state").asText());
    }

    /** The network a {@code v1.Network} entry of a VM in {@code vmNamespace} names, in its normal form. */
    static NetworkRef network(JsonNode network, String vmNamespace) {
        if (network == null) {
            return Networks.other("none");
        }
        if (network.has("multus")) {
            return Networks.multus(network.path("multus").path("networkName").asText(), vmNamespace);
        }
        if (network.has("pod")) {
            return Networks.pod();
        }
        return Networks.other(network.has("resourceClaim") ? "resourceClaim" : "unknown");
    }

    /** The NIC an interface entry of a VM in {@code vmNamespace} describes, with the MAC and link observed for it. */
    static NicSpec spec(JsonNode iface, JsonNode network, String vmNamespace, MacAddress mac, LinkState link) {
        Integer bootOrder = iface.has("bootOrder") ? iface.get("bootOrder").asInt() : null;
        return new NicSpec(iface.path("name").asText(), mac, network(network, vmNamespace),
                iface.path("model").asText("virtio"), binding(iface), link, bootOrder);
    }

    /** The link an interface entry asks for: {@code state: down} is down, anything else up. */
    static LinkState requestedLink(JsonNode iface) {
        return "down".equals(iface.path("state").asText()) ? LinkState.DOWN : LinkState.UP;
    }

    static MacAddress mac(String text) {
        return text == null || text.isEmpty() || !MacAddress.isWellFormed(text) ? null : MacAddress.parse(text);
    }
}
