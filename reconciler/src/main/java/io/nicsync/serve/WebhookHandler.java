package io.nicsync.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@code POST /hooks/git}: a push event from GitHub, GitLab, Gitea or any sender of nicsync's own signature. An
 * authentic, fresh push to the followed ref asks for a run at once; everything else is answered and changes nothing.
 * A few deliveries are handled at once; more are answered 503 before their body is read, so that a flood of them
 * costs no more than that.
 */
final class WebhookHandler implements HttpHandler {
    static final String NO_SECRET = "webhooks are disabled: no secret is configured "
            + "(set NICSYNC_WEBHOOK_SECRET or --webhook-secret-file)";

    private final Webhooks webhooks;
    private final Semaphore slots;
    private final UnaryOperator<String> pushed;
    private final Metrics metrics;
    private final Consumer<String> log;

    /**
     * @param concurrent deliveries handled at once
     * @param pushed told of each push that concerns the loop, with its ref (null when the body names none); says what
     *     happens next, for the answer
     */
    WebhookHandler(Webhooks webhooks, int concurrent, UnaryOperator<String> pushed, Metrics metrics,
            Consumer<String> log) {
        this.webhooks = webhooks;
        this.slots = new Semaphore(concurrent);
        this.pushed = pushed;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                Http.text(exchange, 405, "only POST is accepted here");
                return;
            }
            if (webhooks.secret() == null) {
                answer(exchange, "unknown", "disabled", 403, NO_SECRET);
                return;
            }
            if (!slots.tryAcquire()) {
                answer(exchange, "unknown", "busy", 503, "too many deliveries at once; try again");
                return;
            }
            try {
                byte[] body = body(exchange);
                if (!Exchanges.requestRead()) {
                    return; // cut at the request deadline: the connection is closed
                }
                if (body == null) {
                    answer(exchange, "unknown", "too-large", 413, "the body is larger than " + webhooks.maxBody()
                            + " bytes");
                    return;
                }
                handle(exchange, body);
            } finally {
                slots.release();
            }
        }
    }

    private void handle(HttpExchange exchange, byte[] body) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        Provider provider = Provider.of(headers, webhooks.accepted());
        if (provider == null) {
            answer(exchange, "unknown", "unauthenticated", 401, "no signature: expected " + expected());
            return;
        }
        if (!webhooks.accepted().contains(provider)) {
            answer(exchange, provider.label, "not-accepted", 401, provider.label + " deliveries (" + provider.authHeader
                    + ") are not accepted here: expected " + expected() + " (--webhook-provider)");
            return;
        }
        if (!provider.authentic(headers, body, webhooks.secret())) {
            answer(exchange, provider.label, "bad-signature", 401, provider.authHeader + " does not match the secret"
                    + (provider == Provider.GENERIC && provider.timestamp(headers).isEmpty()
                            ? " (" + Provider.TIMESTAMP_HEADER + " is missing)" : ""));
            return;
        }
        Optional<Instant> signedAt = provider.timestamp(headers);
        if (signedAt.isPresent() && !fresh(signedAt.get())) {
            answer(exchange, provider.label, "stale", 401, "the delivery was signed at " + signedAt.get()
                    + ", more than " + Webhooks.TIMESTAMP_TOLERANCE.toMinutes() + " min from now: refused as a replay");
            return;
        }
        String delivery = provider.deliveryId(headers);
        if (!webhooks.deliveries().first(replayKeys(provider, delivery, provider.signedContent(headers, body)))) {
            answer(exchange, provider.label, "duplicate", 200, "delivery " + (delivery == null ? "" : delivery + " ")
                    + "was seen already: ignored");
            return;
        }
        String event = provider.otherEvent(headers);
        if (event != null) {
            answer(exchange, provider.label, "other-event", 200, "event '" + event + "' ignored: only pushes start a run");
            return;
        }
        String ref = pushedRef(body);
        if (!webhooks.refs().concerns(ref)) {
            answer(exchange, provider.label, "other-ref", 200, "push to " + ref + " ignored: following "
                    + webhooks.refs().ref());
            return;
        }
        String next = pushed.apply(ref);
        answer(exchange, provider.label, "run", 202, "push to " + (ref == null ? "the repository" : ref)
                + " accepted: " + next);
    }

    private boolean fresh(Instant signedAt) {
        Duration skew = Duration.between(signedAt, webhooks.clock().instant()).abs();
        return skew.compareTo(Webhooks.TIMESTAMP_TOLERANCE) <= 0;
    }

    /** A redelivery shares its id; a replay under another id shares what the signature covers. */
    private static String[] replayKeys(Provider provider, String delivery, byte[] signed) {
        List<String> keys = new ArrayList<>();
        keys.add(provider.label + ":signed:" + Provider.digest(signed));
        if (delivery != null) {
            keys.add(provider.label + ":id:" + delivery);
        }
        return keys.toArray(String[]::new);
    }

    private String expected() {
        return Provider.DETECTION_ORDER.stream().filter(webhooks.accepted()::contains)
                .map(p -> p.authHeader + " (" + p.label + ")").collect(Collectors.joining(", "));
    }

    private void answer(HttpExchange exchange, String provider, String result, int status, String message)
            throws IOException {
        metrics.webhook(provider, result);
        log.accept("webhook from " + exchange.getRemoteAddress().getAddress().getHostAddress() + " (" + provider
                + "): " + status + " " + message);
        Http.text(exchange, status, message);
    }

    /** The body, or null when it is larger than the limit (read no further than that). */
    private byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > webhooks.maxBody()) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(webhooks.maxBody() + 1);
            return body.length > webhooks.maxBody() ? null : body;
        }
    }

    private static String pushedRef(byte[] body) {
        try {
            JsonNode ref = new ObjectMapper().readTree(body).path("ref");
            return ref.isTextual() ? ref.asText() : null;
        } catch (IOException e) {
            return null; // not JSON: a push the generic sender made without saying which ref
        }
    }
}
