package io.nicsync.guard;

import java.util.regex.Pattern;

/**
 * Credentials kept out of what nicsync writes or shows: lock files, plan files, journals, {@code /status}, logs.
 * A URL's password ({@code https://user:token@host}) and the values of query parameters that carry secrets
 * ({@code ?token=...}) become {@code ***}; everything else is left as it was, so the text still says where.
 */
public final class Redaction {
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/:@\\s]*):[^/@\\s]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&](?:access_token|private_token|token|password|passwd|secret|key|sig|signature)=)[^&#\\s]*");

    private Redaction() {
    }

    /**
     * {@code text} with the password of every URL in it removed ({@code https://ada@host/...}): for a URL that is
     * kept to be used again, such as the repository a saved plan names, whose credentials must then come from
     * where the operator keeps them (the environment, a credentials file), never from the file.
     */
    public static String withoutPasswords(String text) {
        return text == null ? null : URL_PASSWORD.matcher(text).replaceAll("$1@");
    }

    /** {@code text} with every URL password and secret query parameter replaced by {@code ***}; null stays null. */
    public static String urls(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1:***@");
        return SECRET_PARAMETER.matcher(out).replaceAll("$1***");
    }
}
