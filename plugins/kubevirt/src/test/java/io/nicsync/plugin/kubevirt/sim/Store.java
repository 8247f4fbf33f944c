package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.List;

/**
 * The simulated controllers' access to the API server: through HTTP like the real ones, with their own
 * client (marked so that the server can tell their writes from the plugin's). Writes happen only when an
 * object changed, so resourceVersions move only on real changes.
 */
final class Store {
    private final KubernetesClient client;

    Store(KubernetesClient client) {
        this.client = client;
    }

    ObjectNode get(CustomResourceDefinitionContext kind, String namespace, String name) {
        GenericKubernetesResource r =
                client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).get();
        return r == null ? null : Json.MAPPER.valueToTree(r);
    }

    List<ObjectNode> list(CustomResourceDefinitionContext kind) {
        return client.genericKubernetesResources(kind).inAnyNamespace().list().getItems().stream()
                .map(r -> (ObjectNode) Json.MAPPER.valueToTree(r))
                .toList();
    }

    void create(CustomResourceDefinitionContext kind, ObjectNode object) {
        object.put("apiVersion", Kinds.apiVersion(kind));
        object.put("kind", kind.getKind());
        client.genericKubernetesResources(kind).inNamespace(namespace(object)).resource(resource(object)).create();
    }

    /** Writes {@code after} when it differs from {@code before}; true when it wrote. */
    boolean update(CustomResourceDefinitionContext kind, ObjectNode before, ObjectNode after) {
        if (before.equals(after)) {
            return false;
        }
        client.genericKubernetesResources(kind).inNamespace(namespace(after)).resource(resource(after)).update();
        return true;
    }

    void delete(CustomResourceDefinitionContext kind, String namespace, String name) {
        client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).delete();
    }

    private static String namespace(ObjectNode object) {
        return object.path("metadata").path("namespace").asText();
    }

    private static GenericKubernetesResource resource(ObjectNode object) {
        return Json.MAPPER.convertValue(object, GenericKubernetesResource.class);
    }
}
