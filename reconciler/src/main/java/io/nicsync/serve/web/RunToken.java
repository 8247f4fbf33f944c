package io.nicsync.serve.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token that "run now" needs. Compared in constant time: both sides are hashed first, so neither the
 * token's length nor its first differing byte shows in the time an answer takes.
 */
final class RunToken {
    /** The shortest token taken: 16 bytes, 128 bits when they are random ({@code openssl rand -hex 16} gives 32). */
    static final int MIN_BYTES = 16;
    private static final String BEARER = "Bearer ";
    private final byte[] digest;

    /**
     * @param token null or blank: no token, the page is read-only
     * @throws IllegalArgumentException the token is shorter than {@value #MIN_BYTES} bytes
     */
    RunToken(byte[] token) {
        check(token);
        this.digest = token == null || token.length == 0 ? null : sha256(token);
    }

    /** Refuses a token short enough to be guessed; none at all is fine (the page is read-only then). */
    static void check(byte[] token) {
        if (token != null && token.length > 0 && token.length < MIN_BYTES) {
            throw new IllegalArgumentException("the run token has " + token.length + " bytes; it needs at least "
                    + MIN_BYTES + " (make one with: openssl rand -hex 16)");
        }
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
