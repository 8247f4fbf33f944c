package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * RAPI over HTTPS with the JDK's HttpClient: HTTP Basic authentication on every request (Ganeti's RAPI answers
 * without a challenge round trip when the header is there), JSON bodies. There is no maintained Java client for
 * Ganeti's RAPI; Ganeti's own reference client is Python ({@code ganeti.rapi.client}). Ganeti closes the
 * connection after every response, so nothing is gained from keeping any.
 */
final class RapiClient implements Rapi, AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    RapiClient(URI base, SSLContext tls, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public JsonNode call(String method, String path, JsonNode body) throws RapiException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw RapiException.transport(method + " " + path + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RapiException.transport(method + " " + path + ": interrupted", e);
        }
        return answer(method, path, response.statusCode(), response.body());
    }

    static JsonNode answer(String method, String path, int status, String body) throws RapiException {
        if (status == 200) {
            try {
                return body.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new RapiException(status, method + " " + path + ": the answer is not JSON", e);
            }
        }
        throw new RapiException(status, method + " " + path + ": HTTP " + status + ": " + errorText(body), null);
    }

    /** Ganeti's error body is {@code {"code": 400, "message": "...", "explain": "..."}}. */
    private static String errorText(String body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body);
            String message = Json.unescapeHtml(Json.text(error.get("message")));
            String explain = Json.unescapeHtml(Json.text(error.get("explain")));
            if (message != null) {
                return explain == null || explain.isEmpty() ? message : message + " (" + explain + ")";
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not Ganeti's error document: show what came
        }
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /** The innermost cause says what went wrong with TLS ("No subject alternative names ..."). */
    private static String describe(IOException e) {
        Throwable t = e;
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !out.toString().contains(t.getMessage())) {
                out.append(": ").append(t.getMessage());
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
