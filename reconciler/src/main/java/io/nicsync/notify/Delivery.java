package io.nicsync.notify;

import io.nicsync.apply.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One notification POSTed to one endpoint, tried again after a network error, a timeout, a 5xx or a 429, waiting
 * the first backoff and twice as long each further time, up to the number of attempts. Any other answer is final:
 * 2xx delivered; a 4xx means the URL or payload is wrong, and trying again would not change that.
 *
 * <p>The answer is its status line: a try ends when the status arrives, within the timeout from the start (the
 * connection, the request, the headers), and the body is never read. The JDK's request timeout ends at the headers,
 * so a receiver that answered and then stalled its body would otherwise hold the one thread that sends every
 * notification for ever.
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
                int status = status(request);
                if (status / 100 == 2) {
                    return true;
                }
                last = "answered " + status;
                if (status != 429 && status / 100 != 5) {
                    break;
                }
            } catch (IOException e) {
                last = e instanceof HttpTimeoutException ? "no answer within " + settings.timeout() : e.toString();
            }
        }
        log.accept("notification to " + endpoint.shown() + " not delivered: " + last);
        return false;
    }

    /** The answer's status, within the timeout whatever the receiver does; the exchange is cancelled past it. */
    private int status(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<InputStream>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> response = exchange.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            response.body().close(); // unread: closing it ends the exchange, however long the body would have been
            return response.statusCode();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no answer within " + settings.timeout());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
