package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;

/**
 * The API calls the plugin makes, on KubeVirt objects as JSON trees. Failures stay
 * {@link KubernetesClientException}s here; callers add what they concern.
 */
final class Api {
    private final KubernetesClient client;

    Api(KubernetesClient client) {
        this.client = client;
    }

    JsonNode get(ResourceDefinitionContext kind, String namespace, String name) {
        GenericKubernetesResource r =
                client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).get();
        return r == null ? null : TemplatePatch.JSON.valueToTree(r);
    }

    List<JsonNode> list(ResourceDefinitionContext kind) {
        return client.genericKubernetesResources(kind).inAnyNamespace().list().getItems().stream()
                .map(r -> TemplatePatch.JSON.<JsonNode>valueToTree(r))
                .toList();
    }

    /** An informer on every object of a kind, not started. */
    SharedIndexInformer<GenericKubernetesResource> informer(ResourceDefinitionContext kind) {
        return client.genericKubernetesResources(kind).inAnyNamespace().runnableInformer(0);
    }

    /** An informer on the virt-launcher pods of every namespace, not started. */
    SharedIndexInformer<Pod> launcherPodInformer() {
        return client.pods().inAnyNamespace().withLabel("kubevirt.io", "virt-launcher").runnableInformer(0);
    }

    ObservedVm observe(String namespace, String name) {
        JsonNode vm = get(Resources.VM, namespace, name);
        if (vm == null) {
            return null;
        }
        JsonNode vmi = get(Resources.VMI, namespace, name);
        return new ObservedVm(vm, vmi, vmi == null ? null : launcherPod(vmi, launcherPods(namespace)));
    }

    /** virt-launcher pods, of one namespace or (null) all; empty when the caller may not list pods. */
    List<JsonNode> launcherPods(String namespace) {
        try {
            var pods = namespace == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(namespace);
            return pods.withLabel("kubevirt.io", "virt-launcher").list().getItems().stream()
                    .map(p -> TemplatePatch.JSON.<JsonNode>valueToTree(p))
                    .toList();
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    /** The pod running the VMI now: created for it (a migration makes a new one) and on its node. */
    static JsonNode launcherPod(JsonNode vmi, List<JsonNode> pods) {
        String uid = vmi.path("metadata").path("uid").asText();
        String node = vmi.path("status").path("nodeName").asText();
        for (JsonNode pod : pods) {
            if (uid.equals(pod.path("metadata").path("labels").path("kubevirt.io/created-by").asText())
                    && node.equals(pod.path("spec").path("nodeName").asText())
                    && "Running".equals(pod.path("status").path("phase").asText())) {
                return pod;
            }
        }
        return null;
    }

    JsonNode patchVm(String namespace, String name, ArrayNode ops) {
        GenericKubernetesResource r = client.genericKubernetesResources(Resources.VM).inNamespace(namespace)
                .withName(name).patch(PatchContext.of(PatchType.JSON), ops.toString());
        return TemplatePatch.JSON.valueToTree(r);
    }

    JsonNode create(ResourceDefinitionContext kind, ObjectNode object) {
        object.put("apiVersion", kind.getGroup() + "/" + kind.getVersion());
        object.put("kind", kind.getKind());
        GenericKubernetesResource r = TemplatePatch.JSON.convertValue(object, GenericKubernetesResource.class);
        String namespace = object.path("metadata").path("namespace").asText();
        return TemplatePatch.JSON.valueToTree(
                client.genericKubernetesResources(kind).inNamespace(namespace).resource(r).create());
    }

    /** PUT to a VirtualMachine subresource of virt-api (v1.0 {@code addinterface}, {@code removeinterface}). */
    void putVmSubresource(String namespace, String name, String subresource, ObjectNode body) {
        String uri = client.getMasterUrl().toString().replaceAll("/$", "")
                + "/apis/subresources.kubevirt.io/v1/namespaces/"
                + namespace + "/virtualmachines/" + name + "/" + subresource;
        if (client.raw(uri, "PUT", body.toString()) == null) {
            throw new KubernetesClientException("virtualmachines/" + subresource + " not found", 404, null);
        }
    }

    /** Whether the caller may {@code verb} the resource in the namespace (SelfSubjectAccessReview). */
    boolean allowed(String verb, String group, String resource, String subresource, String namespace) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes()
                .withVerb(verb).withGroup(group).withResource(resource).withSubresource(subresource)
                .withNamespace(namespace)
                .endResourceAttributes().endSpec().build();
        SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }

    /**
     * Whether multus' dynamic-networks controller runs: its upstream manifest installs the DaemonSet
     * {@code dynamic-networks-controller-ds} labelled {@code app=dynamic-networks-controller}. A caller that may
     * not list DaemonSets cluster-wide gets false, so {@code hotplug: auto} falls back to migrations, which
     * work with or without the controller.
     */
    boolean dynamicNetworksController() {
        try {
            return !client.apps().daemonSets().inAnyNamespace().withLabel("app", "dynamic-networks-controller")
                    .list().getItems().isEmpty();
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    void close() {
        client.close();
    }
}
