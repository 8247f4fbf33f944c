package io.nicsync.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what leaves the process for people (the web page, notifications, Events): the user
 * information of URLs ({@code https://user:token@host} becomes {@code https://***@host}) and the values of query
 * parameters that carry credentials. Error messages quote repository URLs and target URIs as the user wrote them, so
 * every string of a document goes through here.
 */
public final class Redaction {
    public static final String HIDDEN = "***";
    private static final Pattern USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s'\"<>]+@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:access_token|private_token|token|password|passwd|secret|key)=)[^&\\s'\"<>]+");

    private Redaction() {
    }

    public static String text(String s) {
        if (s == null) {
            return null;
        }
        String out = USER_INFO.matcher(s).replaceAll("$1" + HIDDEN + "@");
        return SECRET_PARAMETER.matcher(out).replaceAll("$1" + HIDDEN);
    }

    /** The document with every string in it (keys aside) redacted. */
    public static Object document(Object value) {
        return switch (value) {
            case String s -> text(s);
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, document(v)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(v -> out.add(document(v)));
                yield out;
            }
            case null -> null;
            default -> value;
        };
    }
}
