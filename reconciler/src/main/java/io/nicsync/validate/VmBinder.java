package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.platforms.Plugins;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code VmNics} document that passed its schema, as a {@link DesiredVm}, with the defaults of omitted keys
 * filled in and each network decoded by the codec its plugin declares for the key. The schema guarantees the
 * shape (exactly one network key, each a kind some plugin declares), so nothing here checks it again.
 */
final class VmBinder {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final Plugins plugins;

    VmBinder(Plugins plugins) {
        this.plugins = plugins;
    }

    DesiredVm bind(JsonNode doc) {
        JsonNode metadata = doc.get("metadata");
        VmRef ref = new VmRef(metadata.get("target").textValue(), text(metadata, "namespace"),
                metadata.get("name").textValue());
        JsonNode spec = doc.get("spec");
        UnmanagedPolicy unmanaged = UnmanagedPolicy.valueOf(upper(spec.path("unmanaged").asText("ignore")));
        List<DesiredNic> nics = new ArrayList<>();
        spec.get("nics").forEach(nic -> nics.add(nic(nic, ref)));
        return new DesiredVm(ref, unmanaged, nics);
    }

    private DesiredNic nic(JsonNode nic, VmRef vm) {
        String mac = text(nic, "mac");
        return new DesiredNic(
                nic.get("name").textValue(),
                network(nic.get("network"), vm),
                text(nic, "binding"),
                text(nic, "model"),
                mac == null ? null : MacAddress.parse(mac),
                LinkState.valueOf(upper(nic.path("link").asText("up"))),
                Presence.valueOf(upper(nic.path("state").asText("present"))),
                nic.path("persist").asBoolean(true),
                nic.has("bootOrder") ? nic.get("bootOrder").intValue() : null);
    }

    private NetworkRef network(JsonNode network, VmRef vm) {
        String key = network.fieldNames().next();
        NetworkKind kind = plugins.declarable(key)
                .orElseThrow(() -> new IllegalStateException("the schema admits no network kind " + key));
        return kind.decode(PLAIN.convertValue(network.get(key), Object.class), vm);
    }

    private static String text(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String upper(String yaml) {
        return yaml.toUpperCase(Locale.ROOT);
    }
}
