package io.nicsync.serve.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /}: the page, its script and its style sheet, from this jar: nothing is loaded from elsewhere, so the
 * page works where the browser reaches nothing but nicsync. Any other path is 404.
 */
final class Assets implements HttpHandler {
    private record Asset(byte[] body, String type) {
    }

    private final Map<String, Asset> files = Map.of(
            "/", new Asset(read("index.html"), "text/html; charset=utf-8"),
            "/app.js", new Asset(read("app.js"), "text/javascript; charset=utf-8"),
            "/app.css", new Asset(read("app.css"), "text/css; charset=utf-8"));

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.method(exchange, "GET", "HEAD")) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Asset asset = files.get(path);
            if (asset == null) {
                Responses.error(exchange, 404, "not found: the page is at /, its API under /api/v1/");
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            Responses.send(exchange, 200, asset.type(), asset.body());
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the page's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
