package io.nicsync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools Protocol (a WebSocket on 127.0.0.1) with the JDK's
 * own client: load a page, run script in it, type, take a screenshot. Started with a fresh profile and every
 * background request switched off, so it reaches nothing but the page it is sent to.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, URI page) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder().buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
    }

    /** Starts Chromium with a window of {@code width} x {@code height} and attaches to its first tab. */
    static Chromium start(int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("nicsync-chromium-");
        Process process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--metrics-recording-only", "--password-store=basic", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).start();
        try {
            URI browser = listening(process);
            URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
            JsonNode targets = JSON.readTree(HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    return new Chromium(process, profile, URI.create(target.path("webSocketDebuggerUrl").asText()));
                }
            }
            throw new AssertionError("Chromium has no page to drive: " + targets);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            delete(profile);
            throw e;
        }
    }

    private static URI listening(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofPlatform().daemon().start(() -> drain(out)); // a full pipe would stop Chromium
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("Chromium ended before it listened: " + seen);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // Chromium's own log: nothing to read in it
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Loads {@code url} and waits until its document is complete. */
    void open(URI url) throws Exception {
        call("Page.navigate", Map.of("url", url.toString()));
        await(20, "the page loads", () -> "complete".equals(evaluate("document.readyState").asText()));
    }

    /** The value of a script expression in the page, as JSON. */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("script failed: " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Text as a keyboard types it, into the focused element. */
    void type(String text) {
        call("Input.insertText", Map.of("text", text));
    }

    /** A mouse click at the middle of the element {@code selector} finds, as a person clicks it. */
    void click(String selector) {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + quoted(selector) + ");"
                + " e.scrollIntoView(); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", box.path("x").asDouble(),
                    "y", box.path("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    /** A PNG of the whole page, not only the window. */
    void screenshot(Path file) throws IOException {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Waits up to {@code seconds} for {@code condition}, checked in the page's time. */
    void await(int seconds, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + seconds + " s in Chromium: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + ": " + reply.path("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(method + " got no answer from Chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    /** Joins each message's frames and hands answers to the call that waits for them; events are not needed. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frames = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(frames.toString());
                    CompletableFuture<JsonNode> waiting = message.has("id") ? pending.get(message.get("id").asInt())
                            : null;
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    // not JSON: the protocol sends nothing else
                }
                frames.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Chromium is stopped below either way
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        http.close();
        delete(profile);
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind holds nothing of value
        }
    }
}
