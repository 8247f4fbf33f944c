package io.nicsync.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A notification receiver on 127.0.0.1 that answers every POST with one status, or never answers until closed
 * (status 0), or answers 200 and then sends a few bytes of a longer body and nothing more until closed (status -1);
 * it keeps each body it got.
 */
public final class Receiver implements AutoCloseable {
    private static final int STALLING = -1;
    public final List<String> bodies = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);

    private Receiver(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (status == 0) {
                    released.await();
                    return;
                }
                if (status == STALLING) {
                    exchange.sendResponseHeaders(200, 1000);
                    exchange.getResponseBody().write("{\"ok\":".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    released.await();
                    return;
                }
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, status == 204 ? -1 : ok.length);
                if (status != 204) {
                    exchange.getResponseBody().write(ok);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public static Receiver answering(int status) throws IOException {
        return new Receiver(status);
    }

    public static Receiver hanging() throws IOException {
        return new Receiver(0);
    }

    /** Answers 200 at once, then stalls in the middle of the body until closed. */
    public static Receiver stalling() throws IOException {
        return new Receiver(STALLING);
    }

    /** A URL as a Slack incoming webhook's: the secret is in the path. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/s3cr3tpath");
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
