package io.nicsync.importer;

import static io.nicsync.importer.YamlNodes.above;
import static io.nicsync.importer.YamlNodes.put;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code nicsync.yaml} an import writes into an output directory that has none: the one target. A setting only
 * the operator may give ({@link TargetSetting.Guard#OPERATOR_ONLY}) is left out, since the repository's value would
 * be refused; a comment says how to give it on the command line.
 */
final class ConfigYaml {
    static final String FILE = "nicsync.yaml";

    private ConfigYaml() {
    }

    /** @param declared the settings the target's plugin declares */
    static String of(TargetConfig target, List<TargetSetting> declared) {
        Set<String> operatorOnly = declared.stream().filter(s -> s.guard() == TargetSetting.Guard.OPERATOR_ONLY)
                .map(TargetSetting::name).collect(Collectors.toSet());
        MappingNode doc = YamlNodes.mapping();
        Node first = put(doc, "apiVersion", YamlNodes.text("nicsync.io/v1alpha1"));
        above(first, List.of("Written by nicsync import: the target the VMs below this directory were imported from.",
                "Policy keys are left out, so their defaults apply (see the README)."));
        put(doc, "kind", YamlNodes.text("Config"));
        MappingNode entry = YamlNodes.mapping();
        put(entry, "name", YamlNodes.text(target.name()));
        Node kind = put(entry, "kind", YamlNodes.text(target.kind()));
        List<String> commandLine = new ArrayList<>();
        new TreeMap<>(target.settings()).forEach((k, v) -> {
            if (operatorOnly.contains(k)) {
                commandLine.add("  --target-setting " + target.name() + "." + k + "=" + v);
            } else {
                put(entry, k, YamlNodes.text(v));
            }
        });
        if (!commandLine.isEmpty()) {
            List<String> lines = new ArrayList<>(List.of("Only the operator gives these, on the command line:"));
            lines.addAll(commandLine);
            above(kind, lines);
        }
        put(doc, "targets", YamlNodes.sequence(List.of(entry)));
        return YamlNodes.dump(doc);
    }
}
