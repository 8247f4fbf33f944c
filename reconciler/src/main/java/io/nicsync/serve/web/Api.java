package io.nicsync.serve.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The page's JSON API, which the page itself uses: {@code GET /api/v1/fleet}, {@code GET /api/v1/runs} and
 * {@code POST /api/v1/run}. The GETs carry an {@code ETag} that changes with every finished cycle, so a poller that
 * sends it back in {@code If-None-Match} gets 304 and no body while nothing happened.
 */
final class Api {
    private final FleetState state;
    private final Path journalDir;
    private final RunToken token;
    private final Runnable runNow;
    private final Consumer<String> log;

    Api(FleetState state, Path journalDir, RunToken token, Runnable runNow, Consumer<String> log) {
        this.state = state;
        this.journalDir = journalDir;
        this.token = token;
        this.runNow = runNow;
        this.log = log;
    }

    void fleet(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (Responses.method(exchange, "GET", "HEAD") && !unchanged(exchange)) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("runNow", token.configured());
                doc.putAll(state.fleet());
                Responses.json(exchange, 200, doc);
            }
        }
    }

    void runs(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (Responses.method(exchange, "GET", "HEAD") && !unchanged(exchange)) {
                List<Map<String, Object>> runs = new ArrayList<>();
                for (Map<String, Object> report : state.runs()) {
                    Map<String, Object> run = new LinkedHashMap<>(report);
                    run.put("steps", steps(report));
                    runs.add(run);
                }
                Responses.json(exchange, 200, Map.of("version", state.version(), "runs", runs));
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
                Responses.text(exchange, 403, "the page is read-only: no run token is configured "
                        + "(NICSYNC_RUN_TOKEN or --run-token-file)");
            } else if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                log.accept("run now from " + from + ": refused, no valid bearer token");
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"nicsync\"");
                Responses.text(exchange, 401, "refused: the bearer token does not match");
            } else {
                log.accept("run now from " + from + ": a run starts now");
                runNow.run();
                Responses.text(exchange, 202, "accepted: a run starts now");
            }
        }
    }

    private boolean unchanged(HttpExchange exchange) throws IOException {
        String etag = "\"v" + state.version() + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            Responses.send(exchange, 304, "application/json", new byte[0]);
            return true;
        }
        return false;
    }

    private List<Map<String, Object>> steps(Map<String, Object> report) {
        if (!(report.get("apply") instanceof Map<?, ?> apply) || !(apply.get("run") instanceof String run)
                || !run.matches("[A-Za-z0-9._-]+")) {
            return List.of();
        }
        try {
            return JournalSteps.of(journalDir, run);
        } catch (IOException | RuntimeException e) {
            return List.of(Map.of("step", "the journal of run " + run + " cannot be read: " + e.getMessage(),
                    "outcome", "unknown"));
        }
    }
}
