package io.nicsync.plugin.ovirt;

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
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.ConnectionBuilder;
import org.ovirt.engine.sdk4.HttpClient;
import org.ovirt.engine.sdk4.internal.HttpClient45;

/**
 * The SDK's connection, over an HTTP client made here rather than by the SDK's own builder: the SDK trusts only a
 * key store file or nothing at all ({@code insecure}), and sets no read timeout. Here the server's certificate is
 * checked against the {@code caFile} (or the JDK's authorities) and its host name, https only, and a request that
 * gets no answer fails after {@link #READ_TIMEOUT_SECONDS}: long enough for the engine's slowest NIC request, an
 * unplug VDSM waits up to 30 s for (its {@code hotunplug_timeout}).
 */
final class EngineClient extends ConnectionBuilder {
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int READ_TIMEOUT_SECONDS = 120;
    /** Requests at once: the applier changes several VMs in parallel, each waiting on the engine for seconds. */
    static final int CONNECTIONS = 16;

    private final SSLContext tls;

    private EngineClient(SSLContext tls) {
        this.tls = tls;
    }

    /** A connection to the engine of {@code settings}; it logs in (SSO) at its first request. */
    static Connection connect(EngineSettings settings, SSLContext tls) {
        return new EngineClient(tls).url(settings.url().toString()).user(settings.user())
                .password(settings.password()).build();
    }

    @Override
    protected HttpClient createHttpClient() {
        var sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("https", new SSLConnectionSocketFactory(tls, new DefaultHostnameVerifier()))
                .build();
        RequestConfig timeouts = RequestConfig.custom()
                .setCookieSpec(CookieSpecs.IGNORE_COOKIES)
                .setConnectTimeout((int) TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS))
                .setConnectionRequestTimeout((int) TimeUnit.SECONDS.toMillis(READ_TIMEOUT_SECONDS))
                .setSocketTimeout((int) TimeUnit.SECONDS.toMillis(READ_TIMEOUT_SECONDS))
                .build();
        var connections = new PoolingHttpClientConnectionManager(sockets);
        connections.setMaxTotal(CONNECTIONS);
        connections.setDefaultMaxPerRoute(CONNECTIONS);
        return new HttpClient45(HttpClientBuilder.create()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(timeouts)
                .disableAutomaticRetries()
                .build());
    }
}
