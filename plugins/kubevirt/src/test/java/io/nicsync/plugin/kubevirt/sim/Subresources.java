package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * virt-api's v1.0 {@code addinterface} / {@code removeinterface} subresources of a VirtualMachine: each
 * request is appended to the VM's {@code status.interfaceRequests} (202), and the VM controller acts on it.
 * Gone from v1.1, where the paths are unknown (404). And {@code restart}, in every release.
 */
final class Subresources {
    private final SimConfig config;
    private final SimDispatcher server;

    Subresources(SimConfig config, SimDispatcher server) {
        this.config = config;
        this.server = server;
    }

    MockResponse handle(String method, ApiPath path, String body, WriteLog writes) {
        if ("virtualmachines".equals(path.plural()) && "restart".equals(path.subresource()) && method.equals("PUT")) {
            return restart(path, body, writes);
        }
        boolean add = "addinterface".equals(path.subresource());
        if (config.minor() != 0 || !"virtualmachines".equals(path.plural())
                || !(add || "removeinterface".equals(path.subresource()))) {
            return Responses.status(404, "NotFound", "the server could not find the requested resource");
        }
        if (!method.equals("PUT")) {
            return Responses.status(405, "MethodNotAllowed", method + " is not supported");
        }
        ObjectNode options = SimDispatcher.parse(body);
        writes.record(method, path.path(), add ? "v1.AddInterfaceOptions" : "v1.RemoveInterfaceOptions", options);
        if (!config.hotplugGate()) {
            return Responses.status(400, "BadRequest", "Unable to " + (add ? "Add" : "Remove")
                    + " Interface because HotplugNICs feature gate is not enabled.");
        }
        if (options.path("name").asText("").isEmpty()
                || add && options.path("networkAttachmentDefinitionName").asText("").isEmpty()) {
            return Responses.status(400, "BadRequest", "AddInterfaceOptions requires name and "
                    + "networkAttachmentDefinitionName");
        }
        ObjectNode vm = server.stored(path.objectPath("kubevirt.io"));
        if (vm == null) {
            return Responses.status(404, "NotFound", "virtualmachines.kubevirt.io \"" + path.name() + "\" not found");
        }
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set(add ? "addInterfaceOptions" : "removeInterfaceOptions", options);
        Json.arr(vm, "status", "interfaceRequests").add(request);
        server.replace(path.objectPath("kubevirt.io"), vm);
        return new MockResponse().setResponseCode(202);
    }

    /** virt-api's restart: a Stop of the running VMI and a Start, queued in {@code status.stateChangeRequests}. */
    private MockResponse restart(ApiPath path, String body, WriteLog writes) {
        writes.record("PUT", path.path(), "v1.RestartOptions", SimDispatcher.parse(body.isBlank() ? "{}" : body));
        ObjectNode vm = server.stored(path.objectPath("kubevirt.io"));
        if (vm == null) {
            return Responses.status(404, "NotFound", "virtualmachines.kubevirt.io \"" + path.name() + "\" not found");
        }
        ObjectNode vmi = server.stored(path.objectPath("kubevirt.io").replace("/virtualmachines/",
                "/virtualmachineinstances/"));
        if (vmi == null) {
            return Responses.status(409, "Conflict", "VM is not running");
        }
        ObjectNode stop = Json.MAPPER.createObjectNode().put("action", "Stop");
        stop.put("uid", vmi.path("metadata").path("uid").asText());
        Json.arr(vm, "status", "stateChangeRequests").add(stop);
        Json.arr(vm, "status", "stateChangeRequests").addObject().put("action", "Start");
        server.replace(path.objectPath("kubevirt.io"), vm);
        return new MockResponse().setResponseCode(202);
    }
}
