package io.nicsync.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * {@code POST /hooks/git}: a push event from GitHub, GitLab, Gitea or any sender of nicsync's own signature. An
 * authentic push to the followed ref asks for a run at once; everything else is answered and changes nothing.
 */
final class WebhookHandler implements HttpHandler {
    static final String NO_SECRET = "webhooks are disabled: no secret is configured "
            + "(set NICSYNC_WEBHOOK_SECRET or --webhook-secret-file)";

    private final byte[] secret;
    private final PushRefs refs;
    private final int maxBody;
    private final Deliveries deliveries;
    private final Consumer<String> pushed;
    private final Metrics metrics;
    private final Consumer<String> log;

    /**
     * @param secret null when none is configured: every delivery is refused
     * @param pushed told of each push that concerns the loop, with its ref (null when the body names none)
     */
    WebhookHandler(byte[] secret, PushRefs refs, int maxBody, Deliveries deliveries, Consumer<String> pushed,
            Metrics metrics, Consumer<String> log) {
        this.secret = secret == null ? null : secret.clone();
        this.refs = refs;
        this.maxBody = maxBody;
        this.deliveries = deliveries;
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
            if (secret == null) {
                answer(exchange, "unknown", "disabled", 403, NO_SECRET);
                return;
            }
            byte[] body = body(exchange);
            if (body == null) {
                answer(exchange, "unknown", "too-large", 413, "the body is larger than " + maxBody + " bytes");
                return;
            }
            handle(exchange, body);
        }
    }

    private void handle(HttpExchange exchange, byte[] body) throws IOException {
        Provider provider = Provider.of(exchange.getRequestHeaders());
        if (provider == null) {
            answer(exchange, "unknown", "unauthenticated", 401, "no signature: expected X-Hub-Signature-256 (GitHub), "
                    + "X-Gitlab-Token (GitLab), X-Gitea-Signature (Gitea) or X-Nicsync-Signature");
            return;
        }
        if (!provider.authentic(exchange.getRequestHeaders(), body, secret)) {
            answer(exchange, provider.label, "bad-signature", 401, provider.authHeader + " does not match the secret");
            return;
        }
        String delivery = provider.deliveryId(exchange.getRequestHeaders());
        if (delivery != null && !deliveries.first(provider.label + ":" + delivery)) {
            answer(exchange, provider.label, "duplicate", 200, "delivery " + delivery + " was seen already: ignored");
            return;
        }
        String event = provider.otherEvent(exchange.getRequestHeaders());
        if (event != null) {
            answer(exchange, provider.label, "other-event", 200, "event '" + event + "' ignored: only pushes start a run");
            return;
        }
        String pushed = pushedRef(body);
        if (!refs.concerns(pushed)) {
            answer(exchange, provider.label, "other-ref", 200, "push to " + pushed + " ignored: following " + refs.ref());
            return;
        }
        this.pushed.accept(pushed);
        answer(exchange, provider.label, "run", 202, "push to " + (pushed == null ? "the repository" : pushed)
                + " accepted: a run starts now");
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
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBody) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBody + 1);
            return body.length > maxBody ? null : body;
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
