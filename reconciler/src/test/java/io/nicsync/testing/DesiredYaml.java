package io.nicsync.testing;

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
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A deliberately small reader of {@code VmNics} documents for tests, with the format's defaults (link up,
 * state present, persist true, unmanaged ignore). It checks nothing: the validator does that.
 */
public final class DesiredYaml {
    private DesiredYaml() {
    }

    public static List<DesiredVm> read(String yaml) {
        var out = new ArrayList<DesiredVm>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (doc != null) {
                out.add(vm(map(doc)));
            }
        }
        return out;
    }

    private static DesiredVm vm(Map<String, Object> doc) {
        var meta = map(doc.get("metadata"));
        var spec = map(doc.get("spec"));
        var ref = new VmRef((String) meta.get("target"), (String) meta.get("namespace"), (String) meta.get("name"));
        var nics = new ArrayList<DesiredNic>();
        for (Object nic : (List<?>) spec.getOrDefault("nics", List.of())) {
            nics.add(nic(map(nic), ref.namespace()));
        }
        return new DesiredVm(ref, enumOf(UnmanagedPolicy.class, spec.getOrDefault("unmanaged", "ignore")), nics);
    }

    private static DesiredNic nic(Map<String, Object> nic, String vmNamespace) {
        Object mac = nic.get("mac");
        Object bootOrder = nic.get("bootOrder");
        return new DesiredNic(
                (String) nic.get("name"),
                network(map(nic.get("network")), vmNamespace),
                (String) nic.get("binding"),
                (String) nic.get("model"),
                mac == null ? null : MacAddress.parse(mac.toString()),
                enumOf(LinkState.class, nic.getOrDefault("link", "up")),
                enumOf(Presence.class, nic.getOrDefault("state", "present")),
                (Boolean) nic.getOrDefault("persist", true),
                bootOrder == null ? null : ((Number) bootOrder).intValue());
    }

    private static NetworkRef network(Map<String, Object> network, String vmNamespace) {
        var entry = network.entrySet().iterator().next();
        String value = entry.getValue() instanceof String s ? s : null;
        return switch (entry.getKey()) {
            case "bridge" -> NetworkRef.named("bridge", value);
            case "network" -> NetworkRef.named("network", value);
            // as the KubeVirt plugin's codec reads it: without a namespace, the VM's
            case "multus" -> value.contains("/")
                    ? NetworkRef.of("multus", "namespace", value.substring(0, value.indexOf('/')), "name",
                            value.substring(value.indexOf('/') + 1))
                    : NetworkRef.of("multus", "namespace", vmNamespace, "name", value);
            case "pod" -> NetworkRef.of("pod");
            default -> throw new IllegalArgumentException("unknown network kind " + entry.getKey());
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object yaml) {
        return Enum.valueOf(type, yaml.toString().toUpperCase(Locale.ROOT));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }
}
