package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.internal.OperationSupport;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The API calls the plugin makes, on KubeVirt objects as JSON trees. Failures stay
 * {@link KubernetesClientException}s here; callers add what they concern.
 */
final class Api {
    /** Objects a LIST asks for at a time. */
    static final int PAGE = 500;
    static final String CREATED_BY = "kubevirt.io/created-by";
    private static final String LAUNCHER_LABEL = "kubevirt.io";
    private static final String LAUNCHER = "virt-launcher";
    private static final ResourceDefinitionContext POD = new ResourceDefinitionContext.Builder()
            .withGroup("").withVersion("v1").withKind("Pod").withPlural("pods").withNamespaced(true).build();
    private final KubernetesClient client;
    /** What {@link ObservedVm}s are read with: the cluster's binding of KubeVirt's own pod interface. */
    private final String podBinding;

    Api(KubernetesClient client) {
        this(client, ClusterInfo.DEFAULT_POD_BINDING);
    }

    private Api(KubernetesClient client, String podBinding) {
        this.client = client;
        this.podBinding = podBinding;
    }

    /** The same client, reading VMs as {@code cluster} boots them. */
    Api readingFor(ClusterInfo cluster) {
        return new Api(client, cluster.podBinding());
    }

    /** Creates a core/v1 Event. */
    void createEvent(Event event) {
        client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    }

    /**
     * A JSON merge patch of a core/v1 Event, sent as it is: fabric8's own patch reads the object first, which would
     * need {@code get} on Events besides {@code create, patch}.
     */
    void mergePatchEvent(String namespace, String name, String patch) {
        String url = client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/" + encode(namespace)
                + "/events/" + encode(name);
        HttpClient http = client.getHttpClient();
        HttpResponse<String> response;
        try {
            response = http.sendAsync(http.newHttpRequestBuilder().uri(url)
                    .method("PATCH", "application/merge-patch+json", patch).build(), String.class)
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KubernetesClientException("patching the event " + name + ": " + e.getMessage(), e);
        }
        if (!response.isSuccessful()) {
            throw new KubernetesClientException("patching the event " + name + " answered " + response.code() + ": "
                    + response.body(), response.code(), null);
        }
    }

    /** The API server, as {@code https://host:port}: where a request that got no answer went. */
    String server() {
        java.net.URL url = client.getMasterUrl();
        return url.getProtocol() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    JsonNode get(ResourceDefinitionContext kind, String namespace, String name) {
        GenericKubernetesResource r =
                client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).get();
        return r == null ? null : TemplatePatch.JSON.valueToTree(r);
    }

    List<JsonNode> list(ResourceDefinitionContext kind) {
        List<JsonNode> all = new ArrayList<>();
        eachListed(kind, null, all::add);
        return all;
    }

    /**
     * Hands every object of a kind in all namespaces (with {@code labelSelector}, when not null, those with that
     * label) to {@code each}, as JSON trees straight from the response, a page of {@value #PAGE} at a time as
     * kubectl lists: a fleet is never held in memory twice, as fabric8's typed objects and as trees.
     */
    void eachListed(ResourceDefinitionContext kind, String labelSelector, Consumer<JsonNode> each) {
        pages(kind, labelSelector).forEachLeft(each);
    }

    /** The objects of a kind in all namespaces (with {@code labelSelector}, when not null), a page at a time. */
    Pages pages(ResourceDefinitionContext kind, String labelSelector) {
        return pages(kind, labelSelector, Api::withoutManagedFields);
    }

    private Pages pages(ResourceDefinitionContext kind, String labelSelector, ItemReader reader) {
        String base = client.getMasterUrl().toString().replaceAll("/$", "")
                + (kind.getGroup() == null || kind.getGroup().isEmpty() ? "/api/" : "/apis/" + kind.getGroup() + "/")
                + kind.getVersion() + "/" + kind.getPlural() + "?limit=" + PAGE
                + (labelSelector == null ? "" : "&labelSelector=" + encode(labelSelector));
        return new Pages(kind.getPlural(), base, reader);
    }

    /** How a page's objects are read: the parser is at an object's start, and is left at its end. */
    @FunctionalInterface
    private interface ItemReader {
        JsonNode read(JsonParser parser) throws IOException;
    }

    /** An object as it is listed, without the server's record of who wrote which field (large, never read here). */
    private static JsonNode withoutManagedFields(JsonParser parser) throws IOException {
        JsonNode item = parser.readValueAsTree();
        if (item.path("metadata") instanceof ObjectNode meta) {
            meta.remove("managedFields");
        }
        return item;
    }

    /**
     * One listing, read a page at a time by whoever holds it: two listings can be read in turns. The API server
     * lists every kind in the order of its keys ({@code namespace/name}), which {@link #lastKey} follows.
     *
     * <p>A page's {@code metadata} comes before its {@code items} in what the API server writes: the next page is
     * asked for as soon as its continue token is read, so the server answers it while this one is parsed.
     */
    final class Pages {
        private final String plural;
        private final String base;
        private final ItemReader reader;
        /** The continue token of the next page; null before the first, empty after the last. */
        private String next;
        /** The next page, asked for while the one before was read; null when not asked for yet. */
        private CompletableFuture<byte[]> asked;
        private String lastKey = "";

        private Pages(String plural, String base, ItemReader reader) {
            this.plural = plural;
            this.base = base;
            this.reader = reader;
        }

        /**
         * Asks for the first page now, so that the server answers it while the caller reads other listings: a page
         * of each is held, not more.
         */
        Pages ask() {
            if (next == null && asked == null) {
                asked = fetchAsync(null);
            }
            return this;
        }

        boolean done() {
            return next != null && next.isEmpty();
        }

        /** {@code namespace/name} of the last object read; empty before the first. */
        String lastKey() {
            return lastKey;
        }

        /** Hands every object not read yet to {@code each}, a page at a time. */
        void forEachLeft(Consumer<JsonNode> each) {
            while (!done()) {
                next().forEach(each);
            }
        }

        /** The next page's objects. */
        List<JsonNode> next() {
            byte[] page = asked != null ? answer(asked) : fetch(next);
            asked = null;
            List<JsonNode> items = new ArrayList<>(PAGE);
            String token = null;
            try (JsonParser parser = TemplatePatch.JSON.createParser(page)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new KubernetesClientException("listing " + plural + ": not a list");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
                        token = parser.readValueAsTree() instanceof JsonNode meta ? meta.path("continue").asText("") : "";
                        if (!token.isEmpty()) {
                            asked = fetchAsync(token);
                        }
                    } else if (field.equals("items") && value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            items.add(reader.read(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                throw new KubernetesClientException("listing " + plural + ": not JSON: " + e.getMessage(), e);
            }
            if (!items.isEmpty()) {
                lastKey = key(items.getLast());
            }
            next = token == null ? "" : token;
            return items;
        }

        private CompletableFuture<byte[]> fetchAsync(String token) {
            return CompletableFuture.supplyAsync(() -> fetch(token),
                    task -> Thread.ofVirtual().name("nicsync-list-" + plural).start(task));
        }

        /** A page (the first when {@code token} is null) as client.raw asks for it: the client's timeout, its failures. */
        private byte[] fetch(String token) {
            try {
                return new OperationSupport(client).handleRaw(byte[].class,
                        token == null ? base : base + "&continue=" + encode(token), "GET", null);
            } catch (KubernetesClientException e) {
                throw e.getCode() == 404 ? new KubernetesClientException(plural + ": no such resource", 404, null) : e;
            }
        }

        private static byte[] answer(CompletableFuture<byte[]> page) {
            try {
                return page.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof KubernetesClientException k ? k : new KubernetesClientException(
                        "listing: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** An object's {@code namespace/name}: how the API server orders what it lists. */
    static String key(JsonNode object) {
        return object.path("metadata").path("namespace").asText() + "/" + object.path("metadata").path("name").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * An informer on every object of a kind, not started, listing a page at a time. It keeps of each object only
     * its key and resourceVersion: its events carry the whole objects.
     */
    SharedIndexInformer<GenericKubernetesResource> informer(ResourceDefinitionContext kind) {
        return keepingVersions(client.genericKubernetesResources(kind).inAnyNamespace().withLimit((long) PAGE)
                .runnableInformer(0));
    }

    /**
     * As {@link #informer}, on the virt-launcher pods of every namespace; it keeps what {@link #launcherPod} and
     * {@link ObservedVm#podNetwork} read of them too (labels, annotations, node, phase: small), so that a VM read
     * again needs no listing of pods.
     */
    SharedIndexInformer<GenericKubernetesResource> launcherPodInformer() {
        return keepingVersions(client.genericKubernetesResources(POD).inAnyNamespace()
                .withLabel(LAUNCHER_LABEL, LAUNCHER).withLimit((long) PAGE).runnableInformer(0),
                "metadata.labels", "metadata.annotations", "spec.nodeName", "status.phase");
    }

    private SharedIndexInformer<GenericKubernetesResource> keepingVersions(
            SharedIndexInformer<GenericKubernetesResource> informer, String... fields) {
        return informer.itemStore(new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE,
                GenericKubernetesResource.class, client.getKubernetesSerialization(), fields));
    }

    ObservedVm observe(String namespace, String name) {
        JsonNode vm = get(Resources.VM, namespace, name);
        if (vm == null) {
            return null;
        }
        JsonNode vmi = get(Resources.VMI, namespace, name);
        return new ObservedVm(vm, vmi, vmi == null ? null : launcherPod(vmi, launcherPods(vmi)), podBinding);
    }

    /** The virt-launcher pods of a VMI (there are two during a migration); empty when the caller may not list pods. */
    private List<JsonNode> launcherPods(JsonNode vmi) {
        List<JsonNode> pods = new ArrayList<>(2);
        try {
            client.pods().inNamespace(vmi.path("metadata").path("namespace").asText())
                    .withLabel(LAUNCHER_LABEL, LAUNCHER)
                    .withLabel(CREATED_BY, vmi.path("metadata").path("uid").asText())
                    .list().getItems().forEach(p -> pods.add(TemplatePatch.JSON.valueToTree(p)));
        } catch (KubernetesClientException e) {
            return List.of();
        }
        return pods;
    }

    /**
     * The virt-launcher pods of every namespace, their first page asked for now; each read as
     * {@link #launcherPart} reads it. {@link #byVmi} groups them.
     */
    Pages launcherPods() {
        return pages(POD, LAUNCHER_LABEL + "=" + LAUNCHER, Api::launcherPart).ask();
    }

    /**
     * Launcher pods by the VMI they run ({@code kubevirt.io/created-by}, the VMI's uid); empty when the caller may
     * not list pods.
     */
    static Map<String, List<JsonNode>> byVmi(Pages pods) {
        Map<String, List<JsonNode>> byVmi = new HashMap<>();
        try {
            pods.forEachLeft(pod -> byVmi.computeIfAbsent(
                    pod.path("metadata").path("labels").path(CREATED_BY).asText(), uid -> new ArrayList<>(1)).add(pod));
        } catch (KubernetesClientException e) {
            return Map.of();
        }
        return byVmi;
    }

    /**
     * What a VM's reading needs of a launcher pod (its name, namespace, resourceVersion, the VMI it runs, its
     * network-status, node and phase), read as the listing is parsed: a launcher pod's containers, volumes and
     * status run to tens of kilobytes, thousands of times over, and are skipped unread.
     */
    static JsonNode launcherPart(JsonParser parser) throws IOException {
        ObjectNode part = TemplatePatch.JSON.createObjectNode();
        ObjectNode meta = part.putObject("metadata").put("name", "").put("namespace", "").put("resourceVersion", "");
        ObjectNode labels = meta.putObject("labels").put(CREATED_BY, "");
        ObjectNode spec = part.putObject("spec").put("nodeName", "");
        ObjectNode status = part.putObject("status").put("phase", "");
        eachField(parser, (section, pod) -> switch (section) {
            case "metadata" -> eachField(pod, (field, m) -> switch (field) {
                case "name", "namespace", "resourceVersion" -> text(m, meta, field);
                case "labels" -> eachField(m, (label, l) -> label.equals(CREATED_BY) && text(l, labels, label));
                case "annotations" -> eachField(m, (annotation, a) -> annotation.equals(ObservedVm.NETWORK_STATUS)
                        && text(a, meta.putObject("annotations"), annotation));
                default -> false;
            });
            case "spec" -> eachField(pod, (field, f) -> field.equals("nodeName") && text(f, spec, field));
            case "status" -> eachField(pod, (field, f) -> field.equals("phase") && text(f, status, field));
            default -> false;
        });
        return part;
    }

    /** Reads one field of a JSON object: true when it read the value, false to have it skipped. */
    @FunctionalInterface
    private interface FieldReader {
        boolean read(String field, JsonParser parser) throws IOException;
    }

    /**
     * Hands each field of the object the parser is at to {@code each}, the parser at its value; skips the values
     * it leaves, and a value that is not an object. True: the value has been read.
     */
    private static boolean eachField(JsonParser parser, FieldReader each) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return true;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (!each.read(field, parser)) {
                parser.skipChildren();
            }
        }
        return true;
    }

    /** Sets {@code field} of {@code into} to the parser's value as text; a value that is not a scalar as empty. */
    private static boolean text(JsonParser parser, ObjectNode into, String field) throws IOException {
        if (parser.currentToken().isScalarValue()) {
            into.put(field, parser.getValueAsString(""));
        } else {
            parser.skipChildren();
        }
        return true;
    }

    /** The pod running the VMI now: created for it (a migration makes a new one) and on its node. */
    static JsonNode launcherPod(JsonNode vmi, List<JsonNode> pods) {
        String uid = vmi.path("metadata").path("uid").asText();
        String node = vmi.path("status").path("nodeName").asText();
        for (JsonNode pod : pods) {
            if (uid.equals(pod.path("metadata").path("labels").path(CREATED_BY).asText())
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
        String url = client.getMasterUrl().toString().replaceAll("/$", "")
                + "/apis/apps/v1/daemonsets?limit=1&labelSelector=" + encode("app=dynamic-networks-controller");
        try {
            String text = client.raw(url);
            return text != null && !TemplatePatch.JSON.readTree(text).path("items").isEmpty();
        } catch (KubernetesClientException | JsonProcessingException e) {
            return false;
        }
    }

    void close() {
        client.close();
    }
}
