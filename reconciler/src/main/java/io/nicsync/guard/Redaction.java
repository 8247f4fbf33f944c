package io.nicsync.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Credentials kept out of everything nicsync writes or shows: reports ({@code last-run.json}, {@code /status},
 * {@code -o json}), the web page and its API, notifications, Events, status notes, lock files and saved plans. Error
 * messages quote repository URLs and target URIs as the user wrote them, so what leaves the process goes through here.
 *
 * <p>A URL's whole user information is hidden, not just a password: {@code https://ghp_TOKEN@github.com/...} carries
 * its token as the user name. So are the values of query parameters that carry credentials, such as the {@code sig}
 * of a shared access signature. Everything else is left as it was, so the text still says where.
 *
 * <pre>{@code
 * https://ada:s3cret@git.example.org/nics.git      ->  https://***@git.example.org/nics.git
 * https://ghp_abc@github.com/o/r.git               ->  https://***@github.com/o/r.git
 * https://x.blob.example.net/c?sv=1&sig=abc%3D     ->  https://x.blob.example.net/c?sv=1&sig=***
 * }</pre>
 */
public final class Redaction {
    public static final String HIDDEN = "***";

    /** {@code scheme://} and the user information up to the last {@code @} before the authority ends. */
    private static final Pattern USER_INFO = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s'\"<>]+@");
    /** A secret parameter's value, up to the next parameter or the end of the URL; final {@code :,.)} are prose. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;](?:access_token|private_token|token"
            + "|password|passwd|secret|client_secret|api_key|apikey|key|sig|signature)=)"
            + "[^&#;\\s'\"<>]*?(?=[:,.)]*(?:[&#;\\s'\"<>]|$))");
    /** An ssh URL's user name, and any password after it: the name is the account to log in to, never a credential. */
    private static final Pattern SSH_USER = Pattern.compile(
            "(?i)^((?:git\\+)?ssh(?:\\+git)?://)([^/?#:@\\s]+)(?::[^/?#\\s]*)?@");

    private Redaction() {
    }

    /** {@code text} with the user information of every URL in it and every secret query parameter hidden. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String out = USER_INFO.matcher(text).replaceAll("$1" + HIDDEN + "@");
        return SECRET_PARAMETER.matcher(out).replaceAll("$1" + HIDDEN);
    }

    /** The document with every string in it (keys aside) {@link #text redacted}; a new document, the given one kept. */
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

    /** {@link #document} of a map, typed as one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> document) {
        return (Map<String, Object>) document(document);
    }

    /**
     * A repository URL to be kept and used again, such as the one a saved plan names: its user information removed,
     * so that its credentials come from where the operator keeps them (the environment, a credentials file), never
     * from the file. An ssh user name without a password stays ({@code ssh://git@host/r.git}): it is the account
     * the key logs in to, and the URL does not work without it.
     */
    public static String reusable(String url) {
        if (url == null) {
            return null;
        }
        var ssh = SSH_USER.matcher(url);
        String kept = ssh.find() ? ssh.replaceFirst("$1$2@") : USER_INFO.matcher(url).replaceAll("$1");
        return SECRET_PARAMETER.matcher(kept).replaceAll("$1" + HIDDEN);
    }
}
