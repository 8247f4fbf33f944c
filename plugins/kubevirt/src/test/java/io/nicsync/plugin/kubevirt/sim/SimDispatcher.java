package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The simulated API server: fabric8's CRUD dispatcher keeps the objects, and in front of it what KubeVirt's
 * API server and webhooks add for the plugin's requests: JSON-patch {@code test} preconditions (422),
 * the VirtualMachine webhook, RBAC answers (SelfSubjectAccessReview, 403 on migrations), the v1.0
 * addinterface/removeinterface subresources. Every write the plugin makes is logged with its schema check.
 * Requests of the simulated controllers (marked with {@link #CONTROLLER_HEADER}) go straight to storage.
 */
final class SimDispatcher extends Dispatcher {
    static final String CONTROLLER_HEADER = "X-Nicsync-Sim";
    private static final Map<String, String> DEFINITIONS = Map.of(
            "virtualmachines", "v1.VirtualMachine",
            "virtualmachineinstances", "v1.VirtualMachineInstance",
            "virtualmachineinstancemigrations", "v1.VirtualMachineInstanceMigration");

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(Kinds.ALL);
    private final SimConfig config;
    private final WriteLog writes;
    private final Subresources subresources;
    private int conflictsToCause;

    SimDispatcher(SimConfig config, WriteLog writes) {
        this.config = config;
        this.writes = writes;
        this.subresources = new Subresources(config, this);
    }

    /** Before each of the plugin's next {@code n} VirtualMachine patches, another writer changes the VM. */
    synchronized void interfereWithNextPatches(int n) {
        conflictsToCause = n;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest received) {
        if (received.getHeader(CONTROLLER_HEADER) != null) {
            return crud.dispatch(received);
        }
        RecordedRequest request = rereadable(received);
        ApiPath path = ApiPath.parse(request.getPath());
        String method = request.getMethod();
        if (path.path().endsWith("/selfsubjectaccessreviews") && method.equals("POST")) {
            return Rbac.review(config, parse(request.getUtf8Body()));
        }
        if ("subresources.kubevirt.io".equals(path.group())) {
            return subresources.handle(method, path, request.getUtf8Body(), writes);
        }
        if (path.is("kubevirt.io", "virtualmachineinstancemigrations") && method.equals("POST")
                && config.migrationsForbidden()) {
            return Rbac.forbiddenMigration(path.namespace());
        }
        if (path.is("kubevirt.io", "virtualmachines") && method.equals("PATCH")) {
            MockResponse refused = refusePatch(path, request);
            if (refused != null) {
                return refused;
            }
        }
        MockResponse response = crud.dispatch(request);
        logWrite(method, path, response);
        return response;
    }

    private MockResponse refusePatch(ApiPath path, RecordedRequest request) {
        if (conflictsToCause > 0) {
            conflictsToCause--;
            touch(path.objectPath());
        }
        ObjectNode current = stored(path.objectPath());
        if (current == null || !String.valueOf(request.getHeader("Content-Type")).contains("json-patch")) {
            return null;
        }
        JsonNode patched;
        try {
            patched = JsonPatch.apply(tree(request.getUtf8Body()), current);
        } catch (RuntimeException e) {
            // kube-apiserver answers a failed JSON patch (a failed test op included) with 422
            return Responses.status(422, "Invalid", "the server rejected our request due to an error in our request: "
                    + e.getMessage());
        }
        List<String> denials = Admission.denials(patched, config.minor());
        return denials.isEmpty() ? null : Responses.status(422, "Invalid",
                "admission webhook \"virtualmachine-validator.kubevirt.io\" denied the request: "
                        + String.join(", ", denials));
    }

    private void logWrite(String method, ApiPath path, MockResponse response) {
        String definition = DEFINITIONS.get(path.plural());
        if (method.equals("GET") || definition == null || !"kubevirt.io".equals(path.group()) || response.code() >= 300) {
            return;
        }
        writes.record(method, path.path(), definition, parse(response.getBody().readUtf8()));
    }

    /** Reading a request's body consumes it: a copy whose body can be read again for storage. */
    private static RecordedRequest rereadable(RecordedRequest request) {
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().readByteArray();
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(),
                new Buffer(body)) {
            @Override
            public Buffer getBody() {
                return new Buffer(body);
            }

            @Override
            public String getUtf8Body() {
                return new String(body, java.nio.charset.StandardCharsets.UTF_8);
            }
        };
    }

    /** Another writer (a label controller, a person) changes the object, moving its resourceVersion. */
    private void touch(String objectPath) {
        ObjectNode vm = stored(objectPath);
        Json.obj(vm, "metadata", "annotations").put("example.com/touched-by", "someone-else");
        replace(objectPath, vm);
    }

    ObjectNode stored(String objectPath) {
        MockResponse r = crud.handleGet(objectPath);
        return r.code() == 200 ? parse(r.getBody().readUtf8()) : null;
    }

    void replace(String objectPath, ObjectNode object) {
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        Buffer body = new Buffer().writeUtf8(object.toString());
        crud.handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, objectPath, headers, body));
    }

    static ObjectNode parse(String json) {
        return (ObjectNode) tree(json);
    }

    static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
