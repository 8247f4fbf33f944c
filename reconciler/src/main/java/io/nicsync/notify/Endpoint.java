package io.nicsync.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where notifications go and in which form. The URL is a secret (a Slack incoming webhook's URL is its own
 * credential): it comes from a file or the environment, never from the repository, and is never logged whole.
 */
public record Endpoint(URI url, Format format) {

    public enum Format {
        /** nicsync's own JSON document: {@code event}, {@code text} and the run's {@code report}. */
        JSON,
        /** Slack's incoming webhook ({@code {"text": ...}}); Mattermost's and Rocket.Chat's take it too. */
        SLACK
    }

    public Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new IllegalArgumentException("a notification URL must be http:// or https:// with a host, not '"
                    + shown(url) + "'");
        }
    }

    /** The URL without its path and query, which for Slack and most receivers hold the secret. */
    public String shown() {
        return shown(url);
    }

    private static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/...";
    }
}
