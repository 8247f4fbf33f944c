package io.nicsync.cli;

import io.nicsync.apply.LockHolder;
import io.nicsync.apply.Sleeper;
import io.nicsync.notify.Endpoint;
import io.nicsync.notify.Notifier;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Where {@code reconcile} and {@code serve} tell of a cycle that changed VMs or failed. The URLs are secrets (a Slack
 * webhook URL is its own credential), so they come from files or the environment, as a Kubernetes Secret gives them.
 */
final class NotifyOptions {

    @Option(names = "--notify-webhook-file", paramLabel = "FILE",
            description = "A file holding the URL nicsync's JSON notification is POSTed to (default: "
                    + "$NICSYNC_NOTIFY_WEBHOOK_URL).")
    Path webhookFile;

    @Option(names = "--notify-slack-file", paramLabel = "FILE",
            description = "A file holding a Slack incoming-webhook URL (default: $NICSYNC_NOTIFY_SLACK_URL).")
    Path slackFile;

    /** The notifier, not yet listening; null when no endpoint is configured. */
    Notifier notifier(Consumer<String> log) throws UserError {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoint(webhookFile, "NICSYNC_NOTIFY_WEBHOOK_URL", Endpoint.Format.JSON, endpoints);
        endpoint(slackFile, "NICSYNC_NOTIFY_SLACK_URL", Endpoint.Format.SLACK, endpoints);
        if (endpoints.isEmpty()) {
            return null;
        }
        String host = System.getenv().getOrDefault("POD_NAME", LockHolder.current(Instant.now(), "").host());
        return new Notifier(Notifier.Settings.of(endpoints), host, Sleeper.REAL, log);
    }

    private static void endpoint(Path file, String variable, Endpoint.Format format, List<Endpoint> into)
            throws UserError {
        String where = file != null ? file.toString() : "$" + variable;
        String url;
        try {
            url = file != null ? Files.readString(file, StandardCharsets.UTF_8) : System.getenv(variable);
        } catch (IOException e) {
            throw new UserError("cannot read the notification URL in " + where + ": " + e.getMessage());
        }
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            into.add(new Endpoint(URI.create(url.strip()), format));
        } catch (IllegalArgumentException e) { // its message would quote the URL, a secret
            throw new UserError("the notification URL in " + where + " is not an http:// or https:// URL with a host");
        }
    }
}
