package io.nicsync.plugin.kubevirt.sim;

import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Paged LISTs as kube-apiserver serves them: with {@code limit}, a page of objects in the order of their etcd keys
 * ({@code namespace/name} compared as bytes) and, when more follow, {@code metadata.continue}, a token that reads on
 * from the same snapshot of the collection (a paged LIST is consistent, whatever is written between its pages).
 * fabric8's CRUD dispatcher ignores {@code limit}; a LIST without it is answered whole.
 *
 * <p>As etcd reads a range of keys at a revision, a page costs what it holds: the snapshot keeps the stored objects'
 * text, sorted by key, and a page is written from its objects alone, nothing parsed.
 */
final class Pages {
    /** Snapshots kept for LISTs being paged; the oldest is dropped (its token then fails with 410, as an expired one). */
    private static final int SNAPSHOTS = 16;
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
            return size() > SNAPSHOTS;
        }
    };
    private int taken;

    private record Snapshot(List<String> objects, long resourceVersion) {
    }

    /**
     * The page a LIST asks for, or null when it asks for the whole collection.
     *
     * @param query the request's query string, null when none
     * @param listed the collection as the CRUD dispatcher lists it, each object under its etcd key
     */
    synchronized MockResponse page(String query, Supplier<IndexedCrudDispatcher.Listed> listed) {
        Map<String, String> params = params(query);
        if (!params.containsKey("limit") || params.containsKey("watch")) {
            return null;
        }
        int limit = Integer.parseInt(params.get("limit"));
        String token = params.get("continue");
        String id;
        int from;
        if (token == null) {
            IndexedCrudDispatcher.Listed all = listed.get();
            // etcd's order of the keys .../NAMESPACE/NAME, as bytes: "prod-eu/a" before "prod/a"
            List<String> objects = all.objects().stream().sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).toList();
            id = String.valueOf(++taken);
            snapshots.put(id, new Snapshot(objects, all.resourceVersion()));
            from = 0;
        } else {
            id = token.substring(0, token.indexOf(':'));
            from = Integer.parseInt(token.substring(token.indexOf(':') + 1));
            if (!snapshots.containsKey(id)) {
                return Responses.status(410, "Expired", "The provided continue parameter is too old");
            }
        }
        Snapshot snapshot = snapshots.get(id);
        int to = Math.min(snapshot.objects().size(), from + limit);
        // metadata first, as kube-apiserver writes a list
        StringBuilder page = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{")
                .append("\"resourceVersion\":\"").append(snapshot.resourceVersion()).append('"');
        if (to < snapshot.objects().size()) {
            page.append(",\"continue\":\"").append(id).append(':').append(to).append("\",\"remainingItemCount\":")
                    .append(snapshot.objects().size() - to);
        } else {
            snapshots.remove(id);
        }
        page.append("},\"items\":[");
        page.append(String.join(",", snapshot.objects().subList(from, to)));
        return new MockResponse().setResponseCode(200).setBody(page.append("]}").toString());
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
