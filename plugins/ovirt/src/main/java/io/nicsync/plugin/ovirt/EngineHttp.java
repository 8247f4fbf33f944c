package io.nicsync.plugin.ovirt;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.HttpStatus;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;
import org.ovirt.engine.sdk4.HttpClient;

/**
 * The HTTP client the SDK sends every request through. Three things the SDK does not do are done here: a request
 * made during a step waits no longer than what is left of the step ({@link #limit}), and never less than
 * {@link #MIN_REQUEST} (so that a last read or write still gets an answer); logins go one at a time
 * ({@link SsoLogins}); and closing closes the connection pool however the SDK's logout went.
 */
final class EngineHttp implements HttpClient {
    /** The longest any request waits for its answer: long enough for an unplug VDSM waits 30 s for. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    static final Duration MIN_REQUEST = Duration.ofSeconds(1);

    private final CloseableHttpClient client;
    private final RequestConfig defaults;
    private final Clock clock;
    private final SsoLogins logins = new SsoLogins();
    private final ThreadLocal<Instant> deadline = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A limit in force until it is closed; the one before it then holds again. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    EngineHttp(CloseableHttpClient client, RequestConfig defaults, Clock clock) {
        this.client = client;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** Requests of this thread wait no longer than until {@code end} (at least {@link #MIN_REQUEST}). */
    Scope limit(Instant end) {
        Instant before = deadline.get();
        deadline.set(end);
        return () -> deadline.set(before);
    }

    /** Requests of this thread wait up to {@link #READ_TIMEOUT}: putting a VM back as it was is worth waiting for. */
    Scope unlimited() {
        Instant before = deadline.get();
        deadline.remove();
        return () -> deadline.set(before);
    }

    /** How long a request of this thread made now may wait for its answer. */
    Duration timeout() {
        Instant end = deadline.get();
        if (end == null) {
            return READ_TIMEOUT;
        }
        Duration left = Duration.between(clock.instant(), end);
        return left.compareTo(MIN_REQUEST) < 0 ? MIN_REQUEST : left.compareTo(READ_TIMEOUT) > 0 ? READ_TIMEOUT : left;
    }

    @Override
    public HttpResponse execute(HttpUriRequest request) throws Exception {
        if (request instanceof HttpRequestBase base) {
            int millis = (int) timeout().toMillis();
            base.setConfig(RequestConfig.copy(defaults).setSocketTimeout(millis).setConnectionRequestTimeout(millis)
                    .setConnectTimeout(Math.min(millis, defaults.getConnectTimeout())).build());
        }
        if (SsoLogins.isLogin(request)) {
            return logins.login(request, client::execute);
        }
        HttpResponse response = client.execute(request);
        if (response.getStatusLine().getStatusCode() == HttpStatus.SC_UNAUTHORIZED) {
            logins.refused(bearer(request));
        }
        return response;
    }

    /** Closes the connection pool, once. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }

    private static String bearer(HttpUriRequest request) {
        Header header = request.getFirstHeader("Authorization");
        return header != null && header.getValue().startsWith("Bearer ") ? header.getValue().substring(7) : null;
    }
}
