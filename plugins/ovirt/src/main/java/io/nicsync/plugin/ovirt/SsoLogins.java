package io.nicsync.plugin.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpResponse;
import org.apache.http.HttpStatus;
import org.apache.http.HttpVersion;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.util.EntityUtils;

/**
 * The SDK's logins, one at a time. The SDK (4.4.5 HttpConnection) logs in again when a request gets HTTP 401 (an
 * expired SSO token) without any lock: requests of several VMs applied at once that all meet the expired token each
 * log in, and every token but the last is neither used nor revoked. Here the SSO token requests pass one at a time,
 * and one that comes while the token last given is still good (another thread has just logged in) is answered with
 * that token instead of logging in again.
 */
final class SsoLogins {
    static final String TOKEN_PATH = "/ovirt-engine/sso/oauth/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends a request to the engine. */
    @FunctionalInterface
    interface Send {
        HttpResponse send(HttpUriRequest request) throws Exception;
    }

    private String token;
    private boolean rejected;

    static boolean isLogin(HttpUriRequest request) {
        return "POST".equals(request.getMethod()) && request.getURI().getPath().endsWith(TOKEN_PATH);
    }

    /** The SSO's answer to {@code request}: the token given last while it is good, else a new login's. */
    synchronized HttpResponse login(HttpUriRequest request, Send send) throws Exception {
        if (token != null && !rejected) {
            return answer(token);
        }
        HttpResponse response = send.send(request);
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        JsonNode node = parse(body);
        if (node.path("access_token").isTextual()) {
            token = node.path("access_token").asText();
            rejected = false;
        }
        ContentType type = ContentType.getLenient(response.getEntity());
        response.setEntity(new ByteArrayEntity(body, type != null ? type : ContentType.APPLICATION_JSON));
        return response;
    }

    /** The engine answered 401 to a request that carried {@code bearer}: that token is no longer good. */
    synchronized void refused(String bearer) {
        if (bearer != null && bearer.equals(token)) {
            rejected = true;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return JsonNodeFactory.instance.missingNode(); // the SDK reports what it cannot read
        }
    }

    /** The SSO's answer as the SDK reads it: {@code {"access_token": ...}} in JSON. */
    private static HttpResponse answer(String token) {
        BasicHttpResponse response = new BasicHttpResponse(HttpVersion.HTTP_1_1, HttpStatus.SC_OK, "OK");
        String body = JsonNodeFactory.instance.objectNode().put("access_token", token).toString();
        response.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        response.setHeader("Content-Type", ContentType.APPLICATION_JSON.toString());
        return response;
    }
}
