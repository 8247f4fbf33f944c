package io.nicsync.source;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 with its own host key and one authorized client key, for as long as a test
 * needs it. Listens on loopback only.
 */
final class SshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVILEGE_SEPARATION_DIR = Path.of("/run/sshd");

    private final Process process;
    private final int port;
    private final Path hostPublicKey;
    private final Path log;

    private SshServer(Process process, int port, Path hostPublicKey, Path log) {
        this.process = process;
        this.port = port;
        this.hostPublicKey = hostPublicKey;
        this.log = log;
    }

    /** Starts sshd with files under {@code dir}, letting in whoever holds the private half of {@code clientKey}. */
    static SshServer start(Path dir, Path clientPublicKey) throws IOException, InterruptedException {
        Path hostKey = generateKey(dir.resolve("host_ed25519"));
        Files.copy(clientPublicKey, dir.resolve("authorized_keys"));
        ensurePrivilegeSeparationDir();
        int port = freePort();
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "LogLevel VERBOSE",
                ""));
        Path log = dir.resolve("sshd.log");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString(), "-p",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SshServer server = new SshServer(process, port, Path.of(hostKey + ".pub"), log);
        server.awaitListening();
        return server;
    }

    /** sshd run as root refuses to start without this directory; Debian's service unit normally creates it. */
    private static void ensurePrivilegeSeparationDir() {
        try {
            Files.createDirectories(PRIVILEGE_SEPARATION_DIR);
        } catch (IOException notRoot) {
            // Not root: sshd then runs without privilege separation and does not need it.
        }
    }

    /** Generates an unencrypted ed25519 key pair; returns the private key, the public one is beside it. */
    static Path generateKey(Path privateKey) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "nicsync-test",
                "-f", privateKey.toString()).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        if (keygen.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
        }
        return privateKey;
    }

    int port() {
        return port;
    }

    /** A known_hosts line for this server carrying {@code publicKey} (this server's own, or an impostor's). */
    String knownHostsLine(Path publicKey) throws IOException {
        String[] parts = Files.readString(publicKey).trim().split("\\s+");
        return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n";
    }

    Path hostPublicKey() {
        return hostPublicKey;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("sshd did not listen on port " + port + " within 15 s: " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static List<String> missingPrerequisites() {
        return Files.isExecutable(SSHD) ? List.of() : List.of(SSHD.toString());
    }
}
