package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A client on loopback that sends {@code request} a byte every 50 ms and notices when the server closes on it: what
 * a request deadline must cut.
 */
final class SlowClient implements AutoCloseable {
    final String request;
    private final Socket socket;
    private final CountDownLatch sending = new CountDownLatch(1);
    private final CountDownLatch cut = new CountDownLatch(1);

    private SlowClient(String request, Socket socket) {
        this.request = request;
        this.socket = socket;
    }

    static SlowClient open(URI base, String request) throws IOException {
        SlowClient client = new SlowClient(request, new Socket(base.getHost(), base.getPort()));
        Thread.ofPlatform().daemon().name("slow-writer").start(client::write);
        Thread.ofPlatform().daemon().name("slow-reader").start(client::read);
        return client;
    }

    private void write() {
        try {
            OutputStream out = socket.getOutputStream();
            for (byte b : request.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                sending.countDown();
                Thread.sleep(50);
            }
        } catch (IOException e) {
            cut.countDown(); // the server closed the connection under it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // a server that answers before it has the whole request is fine; its close is what counts
            }
        } catch (IOException e) {
            // reset by the server
        }
        cut.countDown();
    }

    void awaitSending() {
        try {
            assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean cut() {
        return cut.getCount() == 0;
    }

    boolean awaitCut(Duration within) throws InterruptedException {
        return cut.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
