package io.nicsync.serve.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The page's JSON API, which the page itself uses: {@code GET /api/v1/fleet}, {@code GET /api/v1/runs} and
 * {@code POST /api/v1/run}. The GETs carry an {@code ETag} that changes with every finished cycle, so a poller that
 * sends it back in {@code If-None-Match} gets 304 and no body while nothing happened. Every answer is JSON, errors
 * too: {@code {"error": "..."}}, as the command line's {@code -o json} writes them.
 */
final class Api {
    private final FleetState state;
    private final RunToken token;
    private final Supplier<String> runNow;
    private final Consumer<String> log;

    Api(FleetState state, RunToken token, Supplier<String> runNow, Consumer<String> log) {
        this.state = state;
        this.token = token;
        this.runNow = runNow;
        this.log = log;
    }

    void fleet(HttpExchange exchange) throws IOException {
        try (exchange) {
            FleetState.View view = state.view();
            if (Responses.method(exchange, "GET", "HEAD") && !unchanged(exchange, view)) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("runNow", token.configured());
                doc.putAll(view.fleet());
                Responses.json(exchange, 200, doc);
            }
        }
    }

    /** The runs as the last finished cycle left them: built then, never read from disk here. */
    void runs(HttpExchange exchange) throws IOException {
        try (exchange) {
            FleetState.View view = state.view();
            if (Responses.method(exchange, "GET", "HEAD") && !unchanged(exchange, view)) {
                Responses.json(exchange, 200, view.runs());
            }
        }
    }

    /** {@code POST /api/v1/run} with {@code Authorization: Bearer <token>}: a cycle now, as a push webhook asks. */
    void run(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.method(exchange, "POST")) {
                return;
            }
            String from = exchange.getRemoteAddress().getAddress().getHostAddress();
            if (!token.configured()) {
                Responses.error(exchange, 403, "the page is read-only: no run token is configured "
                        + "(NICSYNC_RUN_TOKEN or --run-token-file)");
            } else if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                log.accept("run now from " + from + ": refused, no valid bearer token");
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"nicsync\"");
                Responses.error(exchange, 401, "refused: the bearer token does not match");
            } else {
                String when = runNow.get();
                log.accept("run now from " + from + ": " + when);
                Responses.json(exchange, 202, Map.of("message", "accepted: " + when));
            }
        }
    }

    private static boolean unchanged(HttpExchange exchange, FleetState.View view) throws IOException {
        String etag = "\"v" + view.version() + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            Responses.send(exchange, 304, "application/json", new byte[0]);
            return true;
        }
        return false;
    }
}
