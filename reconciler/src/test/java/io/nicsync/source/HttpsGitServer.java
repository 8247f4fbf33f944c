package io.nicsync.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Git's own smart HTTP server ({@code git http-backend}, run as CGI per request) behind TLS on 127.0.0.1, letting
 * in only requests that carry the one accepted user and password, as a forge does with access tokens.
 */
final class HttpsGitServer implements AutoCloseable {

    private static final char[] STORE_PASSWORD = "test-only".toCharArray();

    private final HttpsServer server;
    private final SSLContext clientContext;
    private final String acceptedAuthorization;
    private final List<String> usersSeen = new CopyOnWriteArrayList<>();
    private final Path projectRoot;

    private HttpsGitServer(Path projectRoot, SSLContext serverContext, SSLContext clientContext, String user,
            String password) throws IOException {
        this.projectRoot = projectRoot;
        this.clientContext = clientContext;
        this.acceptedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves the repositories under {@code projectRoot}; its key material lives in {@code dir}. */
    static HttpsGitServer start(Path projectRoot, Path dir, String user, String password) throws Exception {
        Path keyStore = dir.resolve("server.p12");
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD));
        KeyStore store = KeyStore.getInstance(keyStore.toFile(), STORE_PASSWORD);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", store.getCertificate("server"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
        return new HttpsGitServer(projectRoot, serverContext, clientContext, user, password);
    }

    /** Trusts exactly this server's certificate. */
    SSLContext clientContext() {
        return clientContext;
    }

    String url(String repository) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    /** The user names of requests that were let in. */
    List<String> usersSeen() {
        return List.copyOf(usersSeen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.equals(acceptedAuthorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String user = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            usersSeen.add(user.substring(0, user.indexOf(':')));
            respondFromCgi(exchange, runBackend(exchange));
        }
    }

    private byte[] runBackend(HttpExchange exchange) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", projectRoot.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? ""
                : exchange.getRequestURI().getRawQuery());
        env.put("REMOTE_ADDR", "127.0.0.1");
        env.put("REMOTE_USER", usersSeen.get(usersSeen.size() - 1));
        copyHeader(exchange, "Content-Type", env, "CONTENT_TYPE");
        copyHeader(exchange, "Content-Encoding", env, "HTTP_CONTENT_ENCODING");
        copyHeader(exchange, "Git-Protocol", env, "GIT_PROTOCOL");
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] body = exchange.getRequestBody().readAllBytes();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(body);
        }
        try (InputStream stdout = process.getInputStream()) {
            return stdout.readAllBytes();
        }
    }

    private static void copyHeader(HttpExchange exchange, String header, Map<String, String> env, String variable) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            env.put(variable, value);
        }
    }

    /** A CGI answer is header lines, an empty line, then the body; "Status:" carries the HTTP status. */
    private static void respondFromCgi(HttpExchange exchange, byte[] output) throws IOException {
        int status = 200;
        int position = 0;
        while (position < output.length) {
            int end = indexOf(output, (byte) '\n', position);
            String line = new String(output, position, end - position, StandardCharsets.ISO_8859_1).strip();
            position = end + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        byte[] body = Arrays.copyOfRange(output, position, output.length);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
