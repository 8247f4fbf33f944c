package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * KubeVirt's CRDs serve every object as {@code kubevirt.io/v1} (the storage version) and as the deprecated
 * {@code kubevirt.io/v1alpha3}, with one schema and no conversion webhook (conversion strategy None): the API
 * server only rewrites {@code apiVersion}. So a VM created as v1alpha3 is stored as v1, read as v1 by a v1
 * client, and read as v1alpha3 through the v1alpha3 paths.
 */
final class ServedVersions {
    static final String ALIAS = "kubevirt.io/v1alpha3";
    static final String STORED = "kubevirt.io/v1";
    private static final String ALIAS_PATH = "/apis/" + ALIAS + "/";
    private static final String STORED_PATH = "/apis/" + STORED + "/";

    private ServedVersions() {
    }

    static boolean isAlias(String path) {
        return path.startsWith(ALIAS_PATH);
    }

    static boolean isWatch(String path) {
        return path.contains("watch=true") || path.contains("watch=1");
    }

    /** The request as the storage version: path and the {@code apiVersion} of a created or replaced object. */
    static RecordedRequest asStored(RecordedRequest request) {
        String path = STORED_PATH + request.getPath().substring(ALIAS_PATH.length());
        Buffer body = request.getBody();
        String text = SimDispatcher.text(body);
        if (!text.isBlank() && (request.getMethod().equals("POST") || request.getMethod().equals("PUT"))) {
            JsonNode object = SimDispatcher.tree(text);
            if (object instanceof ObjectNode o && ALIAS.equals(o.path("apiVersion").asText())) {
                o.put("apiVersion", STORED);
                body = new Buffer().writeUtf8(o.toString());
            }
        }
        return new RecordedRequest(request.getHttpVersion(), HttpMethod.valueOf(request.getMethod()), path,
                request.getHeaders(), body);
    }

    /** An answer of the storage version, as the alias version serves it. */
    static MockResponse asAlias(MockResponse response) {
        String text = SimDispatcher.text(response.getBody());
        if (text.isBlank() || !text.trim().startsWith("{")) {
            return response;
        }
        JsonNode object = SimDispatcher.tree(text);
        relabel(object);
        object.path("items").forEach(ServedVersions::relabel);
        return response.setBody(object.toString());
    }

    private static void relabel(JsonNode object) {
        if (object instanceof ObjectNode o && STORED.equals(o.path("apiVersion").asText())) {
            o.put("apiVersion", ALIAS);
        }
    }
}
