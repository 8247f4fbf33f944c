package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The virt-launcher pod of each running VMI, as multus leaves it: its {@code k8s.v1.cni.cncf.io/network-status}
 * annotation names the NAD plumbed for each pod interface. That is the live network, which can lag the VMI
 * spec (a NAD change waits for the migration to a new pod).
 */
final class LauncherPods {
    static final String NETWORK_STATUS = "k8s.v1.cni.cncf.io/network-status";

    private final KubernetesClient client;

    LauncherPods(KubernetesClient client) {
        this.client = client;
    }

    /** Multus plumbs the interface's current NAD into the pod. */
    static void plumb(Memo memo, ObjectNode vmi, String iface) {
        ObjectNode spec = Json.obj(vmi, "spec");
        Json.named(Nics.networks(spec), iface).map(Nics::networkName).ifPresent(nad ->
                memo.podNetworks.put(iface, qualified(nad, vmi.path("metadata").path("namespace").asText())));
    }

    /** A new pod (boot, migration target) with every interface of the VMI spec. */
    static void replumbAll(Memo memo, ObjectNode vmi) {
        memo.podNetworks.clear();
        memo.pod++;
        for (JsonNode iface : Nics.interfaces(Json.obj(vmi, "spec"))) {
            if (!Nics.absent(iface)) {
                plumb(memo, vmi, iface.path("name").asText());
            }
        }
    }

    private static String qualified(String nad, String namespace) {
        return nad.contains("/") ? nad : namespace + "/" + nad;
    }

    /** Makes the VMI's pod match the memo: created (the old one deleted) or its annotation updated. */
    boolean sync(ObjectNode vmi, Memo memo) {
        String ns = vmi.path("metadata").path("namespace").asText();
        String vm = vmi.path("metadata").path("name").asText();
        String name = "virt-launcher-" + vm + "-" + memo.pod;
        ObjectNode pod = Json.MAPPER.createObjectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("name", name).put("namespace", ns);
        meta.putObject("labels").put("kubevirt.io", "virt-launcher").put("vm.kubevirt.io/name", vm)
                .put("kubevirt.io/created-by", vmi.path("metadata").path("uid").asText());
        meta.putObject("annotations").put(NETWORK_STATUS, networkStatus(vmi, memo).toString());
        pod.putObject("spec").put("nodeName", vmi.path("status").path("nodeName").asText());
        pod.putObject("status").put("phase", "Running");
        var pods = client.pods().inNamespace(ns);
        GenericKubernetesResource existing = client.genericKubernetesResources("v1", "Pod").inNamespace(ns)
                .withName(name).get();
        if (existing != null && sameAnnotation(existing, pod)) {
            return false;
        }
        if (memo.pod > 1) { // a VMI's first pod has no predecessor: stopping the VM deleted every pod it had
            pods.withLabel("vm.kubevirt.io/name", vm).list().getItems().stream()
                    .filter(p -> !p.getMetadata().getName().equals(name))
                    .forEach(p -> pods.withName(p.getMetadata().getName()).delete());
        }
        var resource = Json.MAPPER.convertValue(pod, GenericKubernetesResource.class);
        if (existing == null) {
            client.genericKubernetesResources("v1", "Pod").inNamespace(ns).resource(resource).create();
        } else {
            client.genericKubernetesResources("v1", "Pod").inNamespace(ns).resource(resource).update();
        }
        return true;
    }

    void deleteAll(String namespace, String vm) {
        client.pods().inNamespace(namespace).withLabel("vm.kubevirt.io/name", vm).delete();
    }

    private static boolean sameAnnotation(GenericKubernetesResource existing, ObjectNode wanted) {
        return wanted.at("/metadata/annotations").path(NETWORK_STATUS).asText()
                .equals(existing.getMetadata().getAnnotations().get(NETWORK_STATUS))
                && wanted.at("/spec/nodeName").asText().equals(
                        Json.MAPPER.valueToTree(existing).at("/spec/nodeName").asText());
    }

    private static ArrayNode networkStatus(ObjectNode vmi, Memo memo) {
        ArrayNode status = Json.MAPPER.createArrayNode();
        status.addObject().put("name", "k8s-pod-network").put("interface", "eth0").put("default", true);
        memo.podNetworks.forEach((iface, nad) -> {
            String podInterface = Json.named(Nics.status(vmi), iface)
                    .map(e -> e.path("podInterfaceName").asText(null)).orElse(null);
            if (podInterface != null) {
                status.addObject().put("name", nad).put("interface", podInterface);
            }
        });
        return status;
    }
}
