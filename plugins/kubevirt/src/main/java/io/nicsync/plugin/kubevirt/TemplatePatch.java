package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;

/**
 * A JSON patch (RFC 6902) of a VM's template NICs, built against one observed version of the VM: it starts
 * with a {@code test} of that resourceVersion, so the array indices it uses are those of the object it
 * applies to, or the API server refuses it.
 */
final class TemplatePatch {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "/spec/template/spec";
    private static final String INTERFACES = TEMPLATE + "/domain/devices/interfaces";
    private static final String NETWORKS = TEMPLATE + "/networks";

    private final ObservedVm vm;
    private final ArrayNode ops = JSON.createArrayNode();

    TemplatePatch(ObservedVm vm) {
        this.vm = vm;
        op("test", "/metadata/resourceVersion").put("value", vm.resourceVersion());
    }

    /** Appends an interface and its multus network. */
    TemplatePatch addNic(NicSpec nic) {
        append(INTERFACES, Interfaces.interfaces(vm.template()), interfaceEntry(nic));
        append(NETWORKS, Interfaces.networks(vm.template()), networkEntry(nic, vm.namespace()));
        return this;
    }

    /** Sets {@code state} of a template interface: {@code absent}, {@code down}; null removes it (up). */
    TemplatePatch state(String nic, String state) {
        int i = index(Interfaces.interfaces(vm.template()), nic);
        String path = INTERFACES + "/" + i + "/state";
        boolean has = vm.templateInterface(nic).has("state");
        if (state != null) {
            op(has ? "replace" : "add", path).put("value", state);
        } else if (has) {
            op("remove", path);
        }
        return this;
    }

    /**
     * Makes the template entry of a NIC match {@code nic} whatever it takes (binding, model, MAC, network),
     * keeping the entry's other fields: only for changes that a restart brings in.
     */
    TemplatePatch replaceNic(NicSpec nic) {
        JsonNode existing = vm.templateInterface(nic.name());
        int n = Interfaces.indexOf(Interfaces.networks(vm.template()), nic.name());
        if (existing == null || n < 0) {
            return addNic(nic);
        }
        ObjectNode entry = ((ObjectNode) existing).deepCopy();
        Interfaces.BINDINGS.forEach(entry::remove);
        entry.remove("binding");
        ObjectNode wanted = interfaceEntry(nic);
        entry.remove("state");
        entry.setAll(wanted);
        op("replace", INTERFACES + "/" + index(Interfaces.interfaces(vm.template()), nic.name())).set("value", entry);
        op("replace", NETWORKS + "/" + n).set("value", networkEntry(nic, vm.namespace()));
        return this;
    }

    /** Removes an interface and its network outright: only for a VM that does not run. */
    TemplatePatch removeNic(String nic) {
        op("remove", INTERFACES + "/" + index(Interfaces.interfaces(vm.template()), nic));
        int n = Interfaces.indexOf(Interfaces.networks(vm.template()), nic);
        if (n >= 0) {
            op("remove", NETWORKS + "/" + n);
        }
        return this;
    }

    /** Points a NIC's multus network at another NetworkAttachmentDefinition. */
    TemplatePatch networkName(String nic, NetworkRef to) {
        int n = index(Interfaces.networks(vm.template()), nic);
        op("replace", NETWORKS + "/" + n + "/multus/networkName").put("value",
                Networks.networkName(to, vm.namespace()));
        return this;
    }

    /** Whether the patch changes anything beyond its precondition. */
    boolean changes() {
        return ops.size() > 1;
    }

    ArrayNode ops() {
        return ops;
    }

    static ObjectNode interfaceEntry(NicSpec nic) {
        ObjectNode iface = JSON.createObjectNode();
        iface.put("name", nic.name());
        iface.putObject(KubevirtCapabilities.binding(nic));
        if (nic.model() != null) {
            iface.put("model", nic.model());
        }
        if (nic.mac() != null) {
            iface.put("macAddress", nic.mac().value());
        }
        if (nic.bootOrder() != null) {
            iface.put("bootOrder", nic.bootOrder());
        }
        if (nic.link() == LinkState.DOWN) {
            iface.put("state", "down");
        }
        return iface;
    }

    static ObjectNode networkEntry(NicSpec nic, String vmNamespace) {
        ObjectNode network = JSON.createObjectNode();
        network.put("name", nic.name());
        if (Networks.isMultus(nic.network())) {
            network.putObject("multus").put("networkName", Networks.networkName(nic.network(), vmNamespace));
        } else {
            network.putObject("pod");
        }
        return network;
    }

    private void append(String path, JsonNode existing, ObjectNode entry) {
        if (existing.isArray()) {
            op("add", path + "/-").set("value", entry);
        } else {
            op("add", path).set("value", JSON.createArrayNode().add(entry));
        }
    }

    private static int index(JsonNode array, String nic) {
        int i = Interfaces.indexOf(array, nic);
        if (i < 0) {
            throw new IllegalStateException("no template entry " + nic);
        }
        return i;
    }

    private ObjectNode op(String op, String path) {
        ObjectNode o = ops.addObject();
        o.put("op", op);
        o.put("path", path);
        return o;
    }
}
