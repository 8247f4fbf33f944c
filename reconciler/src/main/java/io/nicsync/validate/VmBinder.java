package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code VmNics} document that passed its schema, as a {@link DesiredVm}, with the defaults of omitted
 * keys filled in. The schema guarantees the shape, so nothing here checks it again.
 */
final class VmBinder {
    private VmBinder() {
    }

    static DesiredVm bind(JsonNode doc) {
        JsonNode metadata = doc.get("metadata");
        VmRef ref = new VmRef(metadata.get("target").textValue(), text(metadata, "namespace"),
                metadata.get("name").textValue());
        JsonNode spec = doc.get("spec");
        UnmanagedPolicy unmanaged = UnmanagedPolicy.valueOf(upper(spec.path("unmanaged").asText("ignore")));
        List<DesiredNic> nics = new ArrayList<>();
        spec.get("nics").forEach(nic -> nics.add(nic(nic)));
        return new DesiredVm(ref, unmanaged, nics);
    }

    private static DesiredNic nic(JsonNode nic) {
        String mac = text(nic, "mac");
        return new DesiredNic(
                nic.get("name").textValue(),
                network(nic.get("network")),
                text(nic, "binding"),
                text(nic, "model"),
                mac == null ? null : MacAddress.parse(mac),
                LinkState.valueOf(upper(nic.path("link").asText("up"))),
                Presence.valueOf(upper(nic.path("state").asText("present"))),
                nic.path("persist").asBoolean(true),
                nic.has("bootOrder") ? nic.get("bootOrder").intValue() : null);
    }

    private static NetworkRef network(JsonNode network) {
        String kind = network.fieldNames().next();
        String name = network.get(kind).asText();
        return switch (kind) {
            case "bridge" -> new NetworkRef.Bridge(name);
            case "network" -> new NetworkRef.LibvirtNetwork(name);
            case "multus" -> NetworkRef.Multus.parse(name);
            case "pod" -> new NetworkRef.Pod();
            default -> throw new IllegalStateException("the schema admits no network kind " + kind);
        };
    }

    private static String text(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String upper(String yaml) {
        return yaml.toUpperCase(Locale.ROOT);
    }
}
