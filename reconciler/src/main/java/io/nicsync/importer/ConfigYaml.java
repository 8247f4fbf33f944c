package io.nicsync.importer;

import static io.nicsync.importer.YamlNodes.above;
import static io.nicsync.importer.YamlNodes.put;

import io.nicsync.spi.TargetConfig;
import java.util.List;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** The {@code nicsync.yaml} an import writes into an output directory that has none: the one target. */
final class ConfigYaml {
    static final String FILE = "nicsync.yaml";

    private ConfigYaml() {
    }

    static String of(TargetConfig target) {
        MappingNode doc = YamlNodes.mapping();
        Node first = put(doc, "apiVersion", YamlNodes.text("nicsync.io/v1alpha1"));
        above(first, List.of("Written by nicsync import: the target the VMs below this directory were imported from.",
                "Policy keys are left out, so their defaults apply (see the README)."));
        put(doc, "kind", YamlNodes.text("Config"));
        MappingNode entry = YamlNodes.mapping();
        put(entry, "name", YamlNodes.text(target.name()));
        put(entry, "kind", YamlNodes.text(target.kind()));
        new TreeMap<>(target.settings()).forEach((k, v) -> put(entry, k, YamlNodes.text(v)));
        put(doc, "targets", YamlNodes.sequence(List.of(entry)));
        return YamlNodes.dump(doc);
    }
}
