package io.nicsync.importer;

import static io.nicsync.importer.YamlNodes.above;
import static io.nicsync.importer.YamlNodes.after;
import static io.nicsync.importer.YamlNodes.put;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** An imported VM as a commented {@code VmNics} document. */
final class VmNicsYaml {
    private VmNicsYaml() {
    }

    /** @param kinds the network kinds of the VM's platform that a NIC can be declared on, by key */
    static String of(ImportedVm vm, Map<String, NetworkKind> kinds) {
        VmRef ref = vm.live().ref();
        MappingNode doc = YamlNodes.mapping();
        Node first = put(doc, "apiVersion", YamlNodes.text("nicsync.io/v1alpha1"));
        above(first, List.of("Imported by nicsync import from the " + vm.live().power().name().toLowerCase(Locale.ROOT)
                + " VM: it declares what the VM had,", "so a plan right after the import changes nothing."));
        put(doc, "kind", YamlNodes.text("VmNics"));
        MappingNode metadata = YamlNodes.mapping();
        put(metadata, "name", YamlNodes.text(ref.name()));
        if (ref.namespace() != null) {
            put(metadata, "namespace", YamlNodes.text(ref.namespace()));
        }
        put(metadata, "target", YamlNodes.text(ref.target()));
        put(doc, "metadata", metadata);
        put(doc, "spec", spec(vm, kinds));
        return YamlNodes.dump(doc);
    }

    private static MappingNode spec(ImportedVm vm, Map<String, NetworkKind> kinds) {
        MappingNode spec = YamlNodes.mapping();
        var policy = YamlNodes.text(ImportedVm.UNMANAGED.name().toLowerCase(Locale.ROOT));
        put(spec, "unmanaged", policy);
        after(policy, "live NICs not listed below are reported by every plan, never changed");
        List<Node> nics = new ArrayList<>();
        vm.nics().forEach(n -> nics.add(nic(n, vm.live().ref(), kinds)));
        Node key = put(spec, "nics", YamlNodes.sequence(nics));
        if (!vm.skipped().isEmpty()) {
            List<String> lines = new ArrayList<>(List.of("Not imported:"));
            vm.skipped().forEach(s -> lines.add("  " + s));
            above(key, lines);
        }
        return spec;
    }

    private static MappingNode nic(ImportedNic imported, VmRef vm, Map<String, NetworkKind> kinds) {
        DesiredNic nic = imported.nic();
        MappingNode out = YamlNodes.mapping();
        var name = YamlNodes.text(nic.name());
        put(out, "name", name);
        if (imported.generatedName()) {
            after(name, "the VM has no name for this NIC: a name made up by the import; the MAC finds it");
        }
        Node networkKey = put(out, "network", network(nic.network(), vm, kinds));
        above(networkKey, imported.remarks());
        if (nic.binding() != null) {
            put(out, "binding", YamlNodes.text(nic.binding()));
        }
        if (nic.model() != null) {
            put(out, "model", YamlNodes.text(nic.model()));
        }
        if (nic.mac() != null) {
            put(out, "mac", YamlNodes.quoted(nic.mac().value()));
        }
        put(out, "link", YamlNodes.text(nic.link().yaml()));
        var persist = YamlNodes.bool(nic.persist());
        put(out, "persist", persist);
        if (!nic.persist()) {
            after(persist, "plugged, but not in the persistent definition");
        }
        if (nic.bootOrder() != null) {
            put(out, "bootOrder", YamlNodes.number(nic.bootOrder()));
        }
        return out;
    }

    /** {@code KEY: VALUE} as the network kind's codec writes the reference. */
    private static MappingNode network(NetworkRef ref, VmRef vm, Map<String, NetworkKind> kinds) {
        NetworkKind kind = kinds.get(ref.kind());
        if (kind == null) {
            throw new IllegalArgumentException("not a declarable network: " + ref.display());
        }
        MappingNode out = YamlNodes.mapping();
        put(out, kind.key(), YamlNodes.plain(kind.encode(ref, vm)));
        return out;
    }
}
