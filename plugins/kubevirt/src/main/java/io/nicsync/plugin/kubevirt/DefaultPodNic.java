package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pod interface KubeVirt gives a VM whose template names neither interfaces nor networks
 * ({@code vmispec.SetDefaultNetworkInterface}, unless {@code domain.devices.autoattachPodInterface} is false): the
 * interface {@code default} with the cluster's default binding on the network {@code default} of kind {@code pod}.
 * KubeVirt adds it to each VMI it starts, never to the template, and only while the template names no NIC at all:
 * a template that gets a first interface written into it boots without the pod network. So whoever writes a first
 * NIC into such a template must write this one too, as KubeVirt would have made it.
 */
final class DefaultPodNic {
    static final String NAME = "default";

    private DefaultPodNic() {
    }

    static boolean implicit(JsonNode templateSpec) {
        return templateSpec.path("domain").path("devices").path("autoattachPodInterface").asBoolean(true)
                && Interfaces.interfaces(templateSpec).isEmpty() && Interfaces.networks(templateSpec).isEmpty();
    }

    /**
     * The interface as KubeVirt makes it for {@code vm}: the running VMI's own entry (what KubeVirt added when it
     * started it), or, for a VM that does not run, one with the cluster's default binding.
     */
    static ArrayNode interfaces(ObservedVm vm) {
        JsonNode running = vm.vmiInterface(NAME);
        ObjectNode iface;
        if (running != null && Interfaces.network(vm.vmiNetwork(NAME), vm.namespace()).equals(Networks.pod())) {
            iface = running.deepCopy();
        } else {
            iface = TemplatePatch.JSON.createObjectNode();
            iface.put("name", NAME);
            iface.putObject(vm.podBinding());
        }
        return TemplatePatch.JSON.createArrayNode().add(iface);
    }

    static ArrayNode networks() {
        ObjectNode network = TemplatePatch.JSON.createObjectNode();
        network.put("name", NAME);
        network.putObject("pod");
        return TemplatePatch.JSON.createArrayNode().add(network);
    }
}
