package io.nicsync.serve;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Git server's webhook flavour: the header that authenticates a delivery and how, the delivery id, and which
 * event is a push. Every comparison is constant-time ({@link MessageDigest#isEqual}).
 */
enum Provider {
    /** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
    GITHUB("github", "X-Hub-Signature-256", "sha256=", "X-GitHub-Delivery", "X-GitHub-Event", "push"),
    /** {@code X-Gitea-Signature: <hex HMAC-SHA256 of the body>}; Gitea also sends GitHub's headers. */
    GITEA("gitea", "X-Gitea-Signature", "", "X-Gitea-Delivery", "X-Gitea-Event", "push"),
    /** {@code X-Gitlab-Token: <the secret itself>}; GitLab does not sign the body. */
    GITLAB("gitlab", "X-Gitlab-Token", null, "X-Gitlab-Event-UUID", "X-Gitlab-Event", "Push Hook"),
    /** nicsync's own, for any other sender: {@code X-Nicsync-Signature: sha256=<hex HMAC-SHA256 of the body>}. */
    GENERIC("generic", "X-Nicsync-Signature", "sha256=", "X-Nicsync-Delivery", null, null);

    /** Checked in this order: Gitea's header first, since Gitea sends GitHub's too. */
    static final List<Provider> DETECTION_ORDER = List.of(GITEA, GITHUB, GITLAB, GENERIC);

    final String label;
    final String authHeader;
    /** The prefix of the hex HMAC in {@link #authHeader}; null for a plain token. */
    private final String hmacPrefix;
    private final String deliveryHeader;
    private final String eventHeader;
    private final String pushEvent;

    Provider(String label, String authHeader, String hmacPrefix, String deliveryHeader, String eventHeader,
            String pushEvent) {
        this.label = label;
        this.authHeader = authHeader;
        this.hmacPrefix = hmacPrefix;
        this.deliveryHeader = deliveryHeader;
        this.eventHeader = eventHeader;
        this.pushEvent = pushEvent;
    }

    /** The provider whose authentication header the request carries; null when it carries none. */
    static Provider of(Headers headers) {
        return DETECTION_ORDER.stream().filter(p -> headers.getFirst(p.authHeader) != null).findFirst().orElse(null);
    }

    boolean authentic(Headers headers, byte[] body, byte[] secret) {
        String given = headers.getFirst(authHeader).strip();
        if (hmacPrefix == null) {
            return MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)), sha256(secret));
        }
        if (!given.regionMatches(true, 0, hmacPrefix, 0, hmacPrefix.length())) {
            return false;
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(given.substring(hmacPrefix.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmacSha256(secret, body), signature);
    }

    /** The delivery's id, for telling a redelivery; null when the sender gives none. */
    String deliveryId(Headers headers) {
        return headers.getFirst(deliveryHeader);
    }

    /** The event name when it is not a push (a ping, a tag event); null for a push or a sender without events. */
    String otherEvent(Headers headers) {
        if (eventHeader == null) {
            return null;
        }
        String event = headers.getFirst(eventHeader);
        return event == null || event.equals(pushEvent) ? null : event;
    }

    /** {@code sha256=<hex>} or {@code <hex>}, as this provider's header carries it; for senders and tests. */
    String sign(byte[] body, byte[] secret) {
        return hmacPrefix + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    static byte[] hmacSha256(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
