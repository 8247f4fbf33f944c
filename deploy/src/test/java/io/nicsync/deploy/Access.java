package io.nicsync.deploy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API request as RBAC sees it: verb, API group, resource (with {@code /subresource}), namespace (null when
 * cluster-wide) and name.
 */
record Access(String verb, String group, String resource, String namespace, String name) {
    private static final Pattern PATH = Pattern.compile("/(?:api/v1|apis/([^/]+)/[^/]+)(/.*)?");

    static Access of(String method, String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        String query = pathAndQuery.substring(path.length());
        Matcher m = PATH.matcher(path);
        if (!m.matches() || m.group(2) == null) {
            throw new IllegalArgumentException("not a resource request: " + method + " " + pathAndQuery);
        }
        String group = m.group(1) == null ? "" : m.group(1);
        List<String> parts = List.of(m.group(2).substring(1).split("/"));
        String namespace = null;
        if (parts.get(0).equals("namespaces") && parts.size() > 2) {
            namespace = parts.get(1);
            parts = parts.subList(2, parts.size());
        }
        String resource = parts.get(0) + (parts.size() > 2 ? "/" + parts.get(2) : "");
        String name = parts.size() > 1 ? parts.get(1) : null;
        return new Access(verb(method, name != null, query.contains("watch=true")), group, resource, namespace,
                name);
    }

    private static String verb(String method, boolean named, boolean watch) {
        return switch (method) {
            case "GET" -> watch ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> throw new IllegalArgumentException("HTTP method " + method);
        };
    }

    /** Without the object: what a rule grants. */
    String grant() {
        return verb + " " + resource + (group.isEmpty() ? "" : "." + group);
    }
}
