package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The simulated API server: fabric8's CRUD dispatcher keeps the objects, and in front of it what KubeVirt's
 * API server and webhooks add for the plugin's requests: JSON-patch {@code test} preconditions (422),
 * the VirtualMachine webhook, RBAC answers (SelfSubjectAccessReview, 403 on migrations), the v1.0
 * addinterface/removeinterface subresources, kubevirt.io/v1alpha3 as an alias of v1 ({@link ServedVersions}).
 * Every write the plugin makes is logged with its schema check.
 * Requests of the simulated controllers (marked with {@link #CONTROLLER_HEADER}) go straight to storage.
 */
final class SimDispatcher extends Dispatcher {
    static final String CONTROLLER_HEADER = "X-Nicsync-Sim";
    private static final Map<String, String> DEFINITIONS = Map.of(
            "virtualmachines", "v1.VirtualMachine",
            "virtualmachineinstances", "v1.VirtualMachineInstance",
            "virtualmachineinstancemigrations", "v1.VirtualMachineInstanceMigration");

    private final IndexedCrudDispatcher crud = new IndexedCrudDispatcher(Kinds.ALL);
    private final SimConfig config;
    private final WriteLog writes;
    private final Subresources subresources;
    private final Pages pages = new Pages();
    private int conflictsToCause;
    private boolean conflictAsContention;

    SimDispatcher(SimConfig config, WriteLog writes) {
        this.config = config;
        this.writes = writes;
        this.subresources = new Subresources(config, this);
    }

    /** Before each of the plugin's next {@code n} VirtualMachine patches, another writer changes the VM. */
    synchronized void interfereWithNextPatches(int n, boolean asContention) {
        conflictsToCause = n;
        conflictAsContention = asContention;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        try {
            return route(request);
        } catch (RuntimeException e) {
            // a bug of the simulation must fail the test at once, not time the client out
            return Responses.status(500, "InternalError", "simulated API server failed: " + e);
        }
    }

    private MockResponse route(RecordedRequest request) {
        if (ServedVersions.isAlias(request.getPath())) {
            if (ServedVersions.isWatch(request.getPath())) {
                return Responses.status(501, "NotImplemented", "the simulated API server watches "
                        + ServedVersions.STORED + " only");
            }
            return ServedVersions.asAlias(route(ServedVersions.asStored(request)));
        }
        if (request.getHeader(CONTROLLER_HEADER) != null) {
            return crud.dispatch(request);
        }
        RequestTap.seen(request.getMethod(), request.getPath());
        ApiPath path = ApiPath.parse(request.getPath());
        String method = request.getMethod();
        if (path.path().endsWith("/selfsubjectaccessreviews") && method.equals("POST")) {
            return Rbac.review(config, parse(text(request.getBody())));
        }
        if ("subresources.kubevirt.io".equals(path.group())) {
            return subresources.handle(method, path, text(request.getBody()), writes);
        }
        if (path.is("kubevirt.io", "virtualmachineinstancemigrations") && method.equals("POST")
                && config.migrationsForbidden()) {
            return Rbac.forbiddenMigration(path.namespace());
        }
        if (path.is("kubevirt.io", "virtualmachines") && method.equals("PATCH")) {
            MockResponse refused = refusePatch(path, request);
            if (refused != null) {
                writes.refused(method, path.path(), refused.code(), text(refused.getBody()));
                return refused;
            }
        }
        if (method.equals("GET") && path.name() == null) {
            String raw = request.getPath();
            MockResponse page = pages.page(raw.contains("?") ? raw.substring(raw.indexOf('?') + 1) : null,
                    () -> crud.listed(raw));
            if (page != null) {
                return page;
            }
        }
        MockResponse response = crud.dispatch(request);
        long watchedFrom = Pages.watchFrom(request.getPath());
        if (response.getWebSocketListener() != null && watchedFrom > 0) {
            response.withWebSocketUpgrade(new WatchFromVersion(response.getWebSocketListener(), watchedFrom,
                    crud.deletedSince(request.getPath(), watchedFrom)));
        }
        logWrite(method, path, response);
        return response;
    }

    private MockResponse refusePatch(ApiPath path, RecordedRequest request) {
        if (conflictsToCause > 0) {
            conflictsToCause--;
            touch(path.objectPath());
            if (conflictAsContention) {
                // what kube-apiserver answers when its own retries of an update lose to other writers
                return Responses.status(409, "Conflict", "Operation cannot be fulfilled on virtualmachines.kubevirt.io"
                        + " \"" + path.name() + "\": the object has been modified; please apply your changes to the"
                        + " latest version and try again");
            }
        }
        ObjectNode current = stored(path.objectPath());
        if (current == null || !String.valueOf(request.getHeader("Content-Type")).contains("json-patch")) {
            return null;
        }
        JsonNode patched;
        try {
            patched = JsonPatch.apply(tree(text(request.getBody())), current);
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
        if (method.equals("GET") || !"kubevirt.io".equals(path.group()) || response.code() >= 300
                || !DEFINITIONS.containsKey(path.plural())) {
            return;
        }
        String definition = DEFINITIONS.get(path.plural());
        writes.record(method, path.path(), definition, parse(text(response.getBody())));
    }

    /** Another writer (a label controller, a person) changes the object, moving its resourceVersion. */
    private void touch(String objectPath) {
        ObjectNode vm = stored(objectPath);
        ObjectNode annotations = Json.obj(vm, "metadata", "annotations");
        annotations.put("example.com/touched-by", "someone-else");
        annotations.put("example.com/touches", String.valueOf(annotations.path("example.com/touches").asInt() + 1));
        replace(objectPath, vm);
    }

    ObjectNode stored(String objectPath) {
        MockResponse r = crud.handleGet(objectPath);
        return r.code() == 200 ? parse(text(r.getBody())) : null;
    }

    void replace(String objectPath, ObjectNode object) {
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        Buffer body = new Buffer().writeUtf8(object.toString());
        crud.handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, objectPath, headers, body));
    }

    /** A body's text, leaving it in place (Buffer's read methods empty it). */
    static String text(Buffer body) {
        return body == null ? "" : new String(body.getBytes(), StandardCharsets.UTF_8);
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
