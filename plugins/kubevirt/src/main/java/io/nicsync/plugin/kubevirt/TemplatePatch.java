package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;

/**
 * A JSON patch (RFC 6902) of a VM's template NICs, built against one observed version of the VM: it starts
 * with a {@code test} of that resourceVersion, so the array indices it uses are those of the object it
 * applies to, or the API server refuses it. The patch keeps its own copy of the two arrays as its operations
 * leave them, so that several changes of one patch index correctly.
 *
 * <p>A template that names no NIC boots with KubeVirt's pod interface ({@link DefaultPodNic}) and loses it once
 * any NIC is written into it: the first change of such a template writes that interface and its network out
 * first, as KubeVirt made them, so the VM keeps its pod network at the next start.
 */
final class TemplatePatch {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = "/spec/template/spec";
    private static final String INTERFACES = TEMPLATE + "/domain/devices/interfaces";
    private static final String NETWORKS = TEMPLATE + "/networks";

    private final ObservedVm vm;
    private final ArrayNode ops = JSON.createArrayNode();
    /** The template's arrays as this patch leaves them; null while an array is not in the template. */
    private ArrayNode interfaces;
    private ArrayNode networks;
    private boolean implicitPodNic;

    TemplatePatch(ObservedVm vm) {
        this.vm = vm;
        op("test", "/metadata/resourceVersion").put("value", vm.resourceVersion());
        interfaces = copy(Interfaces.interfaces(vm.template()));
        networks = copy(Interfaces.networks(vm.template()));
        implicitPodNic = vm.implicitPodNic();
    }

    /** Appends an interface and its network. */
    TemplatePatch addNic(NicSpec nic) {
        writeOutPodNic();
        interfaces = append(INTERFACES, interfaces, interfaceEntry(nic));
        networks = append(NETWORKS, networks, networkEntry(nic, vm.namespace()));
        return this;
    }

    /** Sets {@code state} of a template interface: {@code absent}, {@code down}; null removes it (up). */
    TemplatePatch state(String nic, String state) {
        writeOutPodNic();
        int i = index(interfaces, nic);
        ObjectNode iface = (ObjectNode) interfaces.get(i);
        String path = INTERFACES + "/" + i + "/state";
        if (state != null) {
            op(iface.has("state") ? "replace" : "add", path).put("value", state);
            iface.put("state", state);
        } else if (iface.has("state")) {
            op("remove", path);
            iface.remove("state");
        }
        return this;
    }

    /**
     * Makes the template entry of a NIC match {@code nic} whatever it takes (binding, model, MAC, network, link),
     * changed as little as that takes ({@link EntryEdit}); adds it when there is none.
     */
    TemplatePatch replaceNic(NicSpec nic) {
        writeOutPodNic();
        int i = indexOf(interfaces, nic.name());
        int n = indexOf(networks, nic.name());
        if (i < 0 || n < 0) {
            return addNic(nic);
        }
        ObjectNode entry = EntryEdit.of(vm, nic);
        if (!entry.equals(interfaces.get(i))) {
            op("replace", INTERFACES + "/" + i).set("value", entry.deepCopy());
            interfaces.set(i, entry);
        }
        if (!Interfaces.network(networks.get(n), vm.namespace()).equals(nic.network())) {
            ObjectNode network = networkEntry(nic, vm.namespace());
            op("replace", NETWORKS + "/" + n).set("value", network.deepCopy());
            networks.set(n, network);
        }
        return this;
    }

    /**
     * Names {@code mac} in the entry of {@code nic} where it names none: KubeVirt keeps a NIC's MAC across a start
     * only when the template names it, otherwise the next VMI gets a new one.
     */
    TemplatePatch pinMac(String nic, MacAddress mac) {
        writeOutPodNic();
        int i = index(interfaces, nic);
        ObjectNode iface = (ObjectNode) interfaces.get(i);
        if (!iface.hasNonNull("macAddress")) {
            op("add", INTERFACES + "/" + i + "/macAddress").put("value", mac.value());
            iface.put("macAddress", mac.value());
        }
        return this;
    }

    /** Removes an interface and its network outright: KubeVirt drops them from a running VM at its next start. */
    TemplatePatch removeNic(String nic) {
        writeOutPodNic();
        int i = index(interfaces, nic);
        op("remove", INTERFACES + "/" + i);
        interfaces.remove(i);
        int n = indexOf(networks, nic);
        if (n >= 0) {
            op("remove", NETWORKS + "/" + n);
            networks.remove(n);
        }
        return this;
    }

    /** Points a NIC's multus network at another NetworkAttachmentDefinition. */
    TemplatePatch networkName(String nic, NetworkRef to) {
        writeOutPodNic();
        int n = index(networks, nic);
        String name = Networks.networkName(to, vm.namespace());
        op("replace", NETWORKS + "/" + n + "/multus/networkName").put("value", name);
        ((ObjectNode) networks.get(n).path("multus")).put("networkName", name);
        return this;
    }

    /** Writes KubeVirt's pod interface out into a template that names no NIC (a no-op for any other). */
    TemplatePatch podNicWrittenOut() {
        writeOutPodNic();
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

    /** The first change of a template that relies on KubeVirt's pod interface writes that interface out. */
    private void writeOutPodNic() {
        if (!implicitPodNic) {
            return;
        }
        implicitPodNic = false;
        interfaces = replaceArray(INTERFACES, interfaces, (ArrayNode) vm.templateInterfaces());
        networks = replaceArray(NETWORKS, networks, (ArrayNode) vm.templateNetworks());
    }

    private ArrayNode replaceArray(String path, ArrayNode existing, ArrayNode content) {
        ArrayNode value = content.deepCopy();
        op(existing == null ? "add" : "replace", path).set("value", value.deepCopy());
        return value;
    }

    private ArrayNode append(String path, ArrayNode existing, ObjectNode entry) {
        if (existing != null) {
            op("add", path + "/-").set("value", entry);
            existing.add(entry.deepCopy());
            return existing;
        }
        ArrayNode created = JSON.createArrayNode().add(entry);
        op("add", path).set("value", created.deepCopy());
        return created;
    }

    private static ArrayNode copy(JsonNode array) {
        return array instanceof ArrayNode a ? a.deepCopy() : null;
    }

    private static int indexOf(ArrayNode array, String nic) {
        return array == null ? -1 : Interfaces.indexOf(array, nic);
    }

    private static int index(ArrayNode array, String nic) {
        int i = indexOf(array, nic);
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
