package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.plugin.kubevirt.sim.Fixtures;

/**
 * The kinds of desired NIC change the release table of the plugin's README speaks of, each as a user declares it
 * for web-01 ({@link Fixtures#web01WithoutMacs}: the pod NIC {@code default} with masquerade binding and
 * {@code blue} on NAD blue, no MAC named, as upstream manifests are written), and its name in the table.
 */
enum ChangeKind {
    ADD("add", blue() + nic("red", "{multus: red}", "binding: bridge")),
    UNPLUG("unplug", nic("blue", "{multus: blue}", "binding: bridge", "state: absent")),
    LINK("link", nic("blue", "{multus: blue}", "binding: bridge", "link: down")),
    MOVE("move", nic("blue", "{multus: red}", "binding: bridge")),
    MAC("MAC", nic("blue", "{multus: blue}", "binding: bridge", "mac: \"52:54:00:aa:00:01\"")),
    MODEL("model", blue() + nic("default", "{pod: {}}", "binding: masquerade", "model: e1000")),
    BINDING("binding", blue() + nic("default", "{pod: {}}", "binding: bridge")),
    /** A first NIC on a NAD for a VM whose template names none: it relied on KubeVirt's pod interface. */
    FIRST_NIC("first NIC", blue());

    final String label;
    private final String nics;

    ChangeKind(String label, String nics) {
        this.label = label;
        this.nics = nics;
    }

    /** web-01 as it is before the change. */
    ObjectNode vm() {
        if (this != FIRST_NIC) {
            return Fixtures.web01WithoutMacs();
        }
        ObjectNode vm = Fixtures.object("kubevirt-examples/vm-cirros.yaml");
        vm.withObjectProperty("metadata").put("name", "web-01").put("namespace", "prod");
        return vm;
    }

    /** The {@code VmNics} document that asks for the change. */
    String desired() {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: web-01, namespace: prod, target: lab}
                spec:
                  nics:
                """ + nics;
    }

    static ChangeKind labelled(String label) {
        for (ChangeKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no change kind \"" + label + "\"");
    }

    /** blue as web-01 has it. */
    private static String blue() {
        return nic("blue", "{multus: blue}", "binding: bridge");
    }

    private static String nic(String name, String network, String... settings) {
        StringBuilder out = new StringBuilder("    - name: " + name + "\n      network: " + network + "\n");
        for (String setting : settings) {
            out.append("      ").append(setting).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return label;
    }
}
