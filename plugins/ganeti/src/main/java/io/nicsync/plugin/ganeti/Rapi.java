package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seam to one cluster's Remote API: one request, JSON in and out. {@link RapiClient} speaks HTTPS; unit tests
 * put recorded answers of a real cluster behind it. Paths start with {@code /2/}.
 */
interface Rapi {

    /** {@code method} is GET, PUT, POST or DELETE; {@code body} is null for none. */
    JsonNode call(String method, String path, JsonNode body) throws RapiException;

    default JsonNode get(String path) throws RapiException {
        return call("GET", path, null);
    }

    default JsonNode put(String path, JsonNode body) throws RapiException {
        return call("PUT", path, body);
    }

    default JsonNode post(String path, JsonNode body) throws RapiException {
        return call("POST", path, body);
    }

    default JsonNode delete(String path) throws RapiException {
        return call("DELETE", path, null);
    }
}
