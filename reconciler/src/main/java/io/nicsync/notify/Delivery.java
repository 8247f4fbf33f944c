package io.nicsync.notify;

import io.nicsync.apply.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One notification POSTed to one endpoint, tried again after a network error, a timeout, a 5xx or a 429, waiting
 * the first backoff and twice as long each further time, up to the number of attempts. Any other answer is final:
 * 2xx delivered; a 4xx means the URL or payload is wrong, and trying again would not change that.
 */
final class Delivery {
    private final HttpClient client;
    private final Notifier.Settings settings;
    private final Sleeper sleeper;
    private final Consumer<String> log;

    Delivery(HttpClient client, Notifier.Settings settings, Sleeper sleeper, Consumer<String> log) {
        this.client = client;
        this.settings = settings;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** True when the endpoint took it. */
    boolean send(Endpoint endpoint, byte[] body) throws InterruptedException {
        Duration backoff = settings.firstBackoff();
        String last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
            HttpRequest request = HttpRequest.newBuilder(endpoint.url()).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "nicsync")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
                last = "answered " + status;
                if (status != 429 && status / 100 != 5) {
                    break;
                }
            } catch (IOException e) {
                last = e instanceof java.net.http.HttpTimeoutException ? "no answer within " + settings.timeout()
                        : e.toString();
            }
        }
        log.accept("notification to " + endpoint.shown() + " not delivered: " + last);
        return false;
    }
}
