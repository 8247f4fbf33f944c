package io.nicsync.plugin.ovirt;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.http.client.config.CookieSpecs;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.ovirt.engine.sdk4.ConnectionBuilder;
import org.ovirt.engine.sdk4.HttpClient;

/**
 * The SDK's connection, over an HTTP client made here rather than by the SDK's own builder: the SDK trusts only a
 * key store file or nothing at all ({@code insecure}), and sets no read timeout. Here the server's certificate is
 * checked against the {@code caFile} (or the JDK's authorities) and its host name, https only, and every request
 * goes through {@link EngineHttp}, which bounds how long it waits.
 */
final class EngineClient extends ConnectionBuilder {
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Requests at once: the applier changes several VMs in parallel, each waiting on the engine for seconds. */
    static final int CONNECTIONS = 16;

    private final SSLContext tls;
    private final Clock clock;
    private EngineHttp http;

    private EngineClient(SSLContext tls, Clock clock) {
        this.tls = tls;
        this.clock = clock;
    }

    /** The engine of {@code settings}; it logs in (SSO) at its first request. */
    static Engine open(EngineSettings settings, SSLContext tls, Clock clock) {
        EngineClient builder = new EngineClient(tls, clock);
        var connection = builder.url(settings.url().toString()).user(settings.user()).password(settings.password())
                .build();
        return new Engine(connection, builder.http);
    }

    @Override
    protected HttpClient createHttpClient() {
        var sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("https", new SSLConnectionSocketFactory(tls, new DefaultHostnameVerifier()))
                .build();
        int read = (int) EngineHttp.READ_TIMEOUT.toMillis();
        RequestConfig timeouts = RequestConfig.custom()
                .setCookieSpec(CookieSpecs.IGNORE_COOKIES)
                .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS))
                .setConnectionRequestTimeout(read)
                .setSocketTimeout(read)
                .build();
        var connections = new PoolingHttpClientConnectionManager(sockets);
        connections.setMaxTotal(CONNECTIONS);
        connections.setDefaultMaxPerRoute(CONNECTIONS);
        http = new EngineHttp(HttpClientBuilder.create()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(timeouts)
                .disableAutomaticRetries()
                .build(), timeouts, clock);
        return http;
    }
}
