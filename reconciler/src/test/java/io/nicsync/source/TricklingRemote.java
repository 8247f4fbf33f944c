package io.nicsync.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Git server on loopback that answers, but a byte at a time: {@code git daemon} serving a directory, behind a TCP
 * proxy that passes what the client sends at once and what the server sends one byte every {@code pause}. Git's
 * own timeout (per read) never fires against it; only a deadline on the whole transfer ends a fetch.
 */
final class TricklingRemote implements AutoCloseable {
    private final Process daemon;
    private final ServerSocket proxy;
    private final Duration pause;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TricklingRemote(Process daemon, ServerSocket proxy, Duration pause) {
        this.daemon = daemon;
        this.proxy = proxy;
        this.pause = pause;
    }

    /** Serves every repository below {@code base} as {@code git://127.0.0.1:PORT/NAME}. */
    static TricklingRemote serve(Path base, Duration pause) throws Exception {
        int daemonPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            daemonPort = free.getLocalPort();
        }
        Process daemon = new ProcessBuilder("git", "daemon", "--export-all", "--reuseaddr", "--listen=127.0.0.1",
                "--port=" + daemonPort, "--base-path=" + base, base.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitListening(daemonPort, daemon);
        ServerSocket proxy = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        TricklingRemote remote = new TricklingRemote(daemon, proxy, pause);
        Thread.ofPlatform().daemon().name("trickling-proxy").start(() -> remote.accept(daemonPort));
        return remote;
    }

    String url(String repository) {
        return "git://127.0.0.1:" + proxy.getLocalPort() + "/" + repository;
    }

    private void accept(int daemonPort) {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), daemonPort);
                sockets.add(client);
                sockets.add(server);
                Thread.ofPlatform().daemon().start(() -> pump(client, server, Duration.ZERO));
                Thread.ofPlatform().daemon().start(() -> pump(server, client, pause));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to, Duration pause) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
                out.flush();
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (IOException | InterruptedException e) {
            // either side went away
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    private static void awaitListening(int port, Process daemon) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                if (!daemon.isAlive()) {
                    throw new IllegalStateException("git daemon exited with " + daemon.exitValue());
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("git daemon does not listen on " + port);
    }

    @Override
    public void close() throws Exception {
        proxy.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        daemon.destroy();
        if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }
}
