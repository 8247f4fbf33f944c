package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Paged LISTs as kube-apiserver serves them: with {@code limit}, a page of objects in the order of their etcd keys
 * ({@code namespace/name} compared as bytes) and, when more follow, {@code metadata.continue}, a token that reads on
 * from the same snapshot of the collection (a paged LIST is consistent, whatever is written between its pages).
 * fabric8's CRUD dispatcher ignores {@code limit}; a LIST without it is answered whole.
 */
final class Pages {
    /** Snapshots kept for LISTs being paged; the oldest is dropped (its token then fails with 410, as an expired one). */
    private static final int SNAPSHOTS = 16;
    private final Map<String, List<JsonNode>> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<JsonNode>> eldest) {
            return size() > SNAPSHOTS;
        }
    };
    private final Map<String, String> versions = new LinkedHashMap<>();
    private int taken;

    /**
     * The page a LIST asks for, or null when it asks for the whole collection ({@code whole} answers it).
     *
     * @param query the request's query string, null when none
     * @param whole the collection as the CRUD dispatcher lists it
     */
    MockResponse page(String query, Supplier<MockResponse> whole) {
        Map<String, String> params = params(query);
        if (!params.containsKey("limit") || params.containsKey("watch")) {
            return null;
        }
        int limit = Integer.parseInt(params.get("limit"));
        String token = params.get("continue");
        String snapshot;
        int from;
        if (token == null) {
            MockResponse all = whole.get();
            if (all.code() != 200) {
                return all;
            }
            ObjectNode list = SimDispatcher.parse(SimDispatcher.text(all.getBody()));
            // etcd's order of the keys .../NAMESPACE/NAME, as bytes: "prod-eu/a" before "prod/a"
            List<Map.Entry<String, JsonNode>> keyed = new ArrayList<>();
            list.path("items").forEach(o -> keyed.add(Map.entry(o.path("metadata").path("namespace").asText() + "/"
                    + o.path("metadata").path("name").asText(), o)));
            keyed.sort(Map.Entry.comparingByKey());
            List<JsonNode> items = keyed.stream().map(Map.Entry::getValue).toList();
            snapshot = String.valueOf(++taken);
            snapshots.put(snapshot, items);
            versions.put(snapshot, list.path("metadata").path("resourceVersion").asText());
            from = 0;
        } else {
            snapshot = token.substring(0, token.indexOf(':'));
            from = Integer.parseInt(token.substring(token.indexOf(':') + 1));
            if (!snapshots.containsKey(snapshot)) {
                return Responses.status(410, "Expired", "The provided continue parameter is too old");
            }
        }
        List<JsonNode> items = snapshots.get(snapshot);
        int to = Math.min(items.size(), from + limit);
        ObjectNode page = Json.MAPPER.createObjectNode();
        page.put("apiVersion", "v1").put("kind", "List");
        ObjectNode meta = page.putObject("metadata");
        meta.put("resourceVersion", versions.get(snapshot));
        ArrayNode out = page.putArray("items");
        items.subList(from, to).forEach(out::add);
        if (to < items.size()) {
            meta.put("continue", snapshot + ":" + to);
            meta.put("remainingItemCount", items.size() - to);
        } else {
            snapshots.remove(snapshot);
            versions.remove(snapshot);
        }
        return new MockResponse().setResponseCode(200).setBody(page.toString());
    }

    /** The resourceVersion a WATCH request starts from; 0 when it asks for everything there is. */
    static long watchFrom(String path) {
        Map<String, String> params = params(path.contains("?") ? path.substring(path.indexOf('?') + 1) : null);
        if (!"true".equals(params.get("watch"))) {
            return 0;
        }
        try {
            return Long.parseLong(params.getOrDefault("resourceVersion", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(eq < 0 ? pair : pair.substring(0, eq),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
