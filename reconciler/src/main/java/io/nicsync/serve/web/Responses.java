package io.nicsync.serve.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.nicsync.guard.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Every answer of the page and its API, with the headers that keep a browser from running anything but the
 * page's own script: a Content-Security-Policy that allows this origin's script, style and requests only (no inline
 * script or style, no frames, no forms), no MIME sniffing, no referrer.
 */
final class Responses {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.containsKey("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        boolean empty = body.length == 0 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** An error as JSON, as the command line's {@code -o json} writes one: {@code {"error": "..."}}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    /** The document as JSON, every string in it {@link Redaction redacted}. */
    static void json(HttpExchange exchange, int status, Object document) throws IOException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Redaction.document(document));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        send(exchange, status, "application/json", body);
    }

    /** Answers 405 unless the method is one of {@code allowed}; true when it is. */
    static boolean method(HttpExchange exchange, String... allowed) throws IOException {
        for (String m : allowed) {
            if (m.equals(exchange.getRequestMethod())) {
                return true;
            }
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        error(exchange, 405, "only " + String.join(" or ", allowed) + " is accepted here");
        return false;
    }
}
