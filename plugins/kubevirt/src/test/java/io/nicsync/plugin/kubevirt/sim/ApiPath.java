package io.nicsync.plugin.kubevirt.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path split into its parts: {@code /apis/{group}/{version}/namespaces/{ns}/{plural}[/{name}[/{sub}]]}.
 * Paths of another shape have null parts.
 */
record ApiPath(String path, String group, String namespace, String plural, String name, String subresource) {
    private static final Pattern NAMESPACED =
            Pattern.compile("/apis/([^/]+)/[^/]+/namespaces/([^/]+)/([^/]+)(?:/([^/]+))?(?:/([^/]+))?");

    static ApiPath parse(String raw) {
        String path = raw.contains("?") ? raw.substring(0, raw.indexOf('?')) : raw;
        Matcher m = NAMESPACED.matcher(path);
        if (!m.matches()) {
            return new ApiPath(path, null, null, null, null, null);
        }
        return new ApiPath(path, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    boolean is(String group, String plural) {
        return group.equals(this.group) && plural.equals(this.plural);
    }

    /** The path of the object itself, without a subresource. */
    String objectPath() {
        return objectPath(group);
    }

    /** The path of the object in another API group (virt-api's subresources act on kubevirt.io objects). */
    String objectPath(String group) {
        return "/apis/" + group + "/v1/namespaces/" + namespace + "/" + plural + "/" + name;
    }
}
