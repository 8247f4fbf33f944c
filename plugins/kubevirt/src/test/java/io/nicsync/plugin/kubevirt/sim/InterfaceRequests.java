package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The v1.0 VM controller's handling of {@code status.interfaceRequests}: an add puts a bridge interface and
 * its multus network into the VM template and the running VMI's spec; a remove marks both {@code absent}.
 * The requests are then cleared. virt-handler does the rest as for the declarative API.
 */
final class InterfaceRequests {
    private final Simulator sim;

    InterfaceRequests(Simulator sim) {
        this.sim = sim;
    }

    boolean sync(ObjectNode vm) {
        JsonNode requests = vm.path("status").path("interfaceRequests");
        if (requests.isEmpty()) {
            return false;
        }
        ObjectNode vmBefore = vm.deepCopy();
        String ns = vm.path("metadata").path("namespace").asText();
        ObjectNode vmi = sim.store().get(Kinds.VMI, ns, vm.path("metadata").path("name").asText());
        ObjectNode vmiBefore = vmi == null ? null : vmi.deepCopy();
        for (JsonNode request : requests) {
            apply(request, Json.obj(vm, "spec", "template", "spec"));
            if (vmi != null) {
                apply(request, Json.obj(vmi, "spec"));
            }
        }
        Json.obj(vm, "status").remove("interfaceRequests");
        if (vmi != null) {
            sim.store().update(Kinds.VMI, vmiBefore, vmi);
        }
        return sim.store().update(Kinds.VM, vmBefore, vm);
    }

    private static void apply(JsonNode request, ObjectNode spec) {
        JsonNode add = request.get("addInterfaceOptions");
        if (add != null) {
            String name = add.path("name").asText();
            if (Json.named(Nics.interfaces(spec), name).isEmpty()) {
                // appended as KubeVirt v1.0 does, creating the arrays: a VM that relied on the default pod
                // network boots without it next time (ApplyNetworkInterfaceRequestOnVMISpec)
                ObjectNode iface = Nics.interfacesToWrite(spec).addObject();
                iface.put("name", name);
                iface.putObject("bridge");
                ObjectNode network = Nics.networksToWrite(spec).addObject();
                network.put("name", name);
                network.putObject("multus").put("networkName", add.path("networkAttachmentDefinitionName").asText());
            }
        }
        JsonNode remove = request.get("removeInterfaceOptions");
        if (remove != null) {
            Json.named(Nics.interfaces(spec), remove.path("name").asText()).ifPresent(i -> i.put("state", "absent"));
        }
    }
}
