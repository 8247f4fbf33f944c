package io.nicsync.serve.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token that "run now" needs. Compared in constant time: both sides are hashed first, so neither the
 * token's length nor its first differing byte shows in the time an answer takes.
 */
final class RunToken {
    private static final String BEARER = "Bearer ";
    private final byte[] digest;

    /** @param token null or blank: no token, the page is read-only */
    RunToken(byte[] token) {
        this.digest = token == null || token.length == 0 ? null : sha256(token);
    }

    boolean configured() {
        return digest != null;
    }

    /** Whether {@code authorization} (the header's value) is {@code Bearer <the token>}. */
    boolean accepts(String authorization) {
        if (digest == null || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sha256(given), digest);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
