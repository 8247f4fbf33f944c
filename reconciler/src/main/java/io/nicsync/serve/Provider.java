package io.nicsync.serve;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Git server's webhook flavour: the header that authenticates a delivery and how, the delivery id, and which
 * event is a push. Every comparison is constant-time ({@link MessageDigest#isEqual}). nicsync's own scheme signs a
 * timestamp with the body ({@code X-Nicsync-Timestamp}, Unix seconds: the signature covers {@code <timestamp>.<body>}),
 * so that a captured delivery is refused once its timestamp is old.
 */
enum Provider {
    /** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
    GITHUB("github", "X-Hub-Signature-256", "sha256=", "X-GitHub-Delivery", "X-GitHub-Event", "push"),
    /** {@code X-Gitea-Signature: <hex HMAC-SHA256 of the body>}; Gitea also sends GitHub's headers. */
    GITEA("gitea", "X-Gitea-Signature", "", "X-Gitea-Delivery", "X-Gitea-Event", "push"),
    /** {@code X-Gitlab-Token: <the secret itself>}; GitLab does not sign the body. */
    GITLAB("gitlab", "X-Gitlab-Token", null, "X-Gitlab-Event-UUID", "X-Gitlab-Event", "Push Hook"),
    /**
     * nicsync's own, for any other sender: {@code X-Nicsync-Signature: sha256=<hex HMAC-SHA256 of
     * <timestamp>.<body>>} with {@code X-Nicsync-Timestamp: <Unix seconds>}.
     */
    GENERIC("generic", "X-Nicsync-Signature", "sha256=", "X-Nicsync-Delivery", null, null);

    /** Checked in this order: Gitea's header first, since Gitea sends GitHub's too. */
    static final List<Provider> DETECTION_ORDER = List.of(GITEA, GITHUB, GITLAB, GENERIC);
    /** The schemes that sign the body, accepted unless the operator says otherwise. */
    static final Set<Provider> SIGNING = Collections.unmodifiableSet(EnumSet.of(GITHUB, GITEA, GENERIC));
    /** The header of the generic scheme's signed timestamp. */
    static final String TIMESTAMP_HEADER = "X-Nicsync-Timestamp";

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

    /** The providers of these labels. */
    static Set<Provider> named(Collection<String> labels) {
        Set<Provider> out = EnumSet.noneOf(Provider.class);
        for (String label : labels) {
            out.add(Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown webhook provider '" + label
                            + "' (github, gitea, gitlab, generic)")));
        }
        return out;
    }

    static Set<String> labels(Set<Provider> providers) {
        Set<String> out = new LinkedHashSet<>();
        providers.forEach(p -> out.add(p.label));
        return out;
    }

    /**
     * The provider whose authentication header the request carries, the accepted ones first (Gitea also sends
     * GitHub's signature, which counts when only GitHub's scheme is accepted); null when it carries none.
     */
    static Provider of(Headers headers, Set<Provider> accepted) {
        return DETECTION_ORDER.stream().filter(p -> headers.getFirst(p.authHeader) != null)
                .min(Comparator.comparing(p -> accepted.contains(p) ? 0 : 1)).orElse(null);
    }

    /** What the signature covers: the body, or for the generic scheme the timestamp, a dot and the body. */
    byte[] signedContent(Headers headers, byte[] body) {
        if (this != GENERIC) {
            return body;
        }
        String timestamp = headers.getFirst(TIMESTAMP_HEADER);
        byte[] prefix = ((timestamp == null ? "" : timestamp.strip()) + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    /** The generic scheme's signed time; empty for the others, or when it is missing or not a number. */
    Optional<Instant> timestamp(Headers headers) {
        String value = this == GENERIC ? headers.getFirst(TIMESTAMP_HEADER) : null;
        if (value == null || !value.strip().matches("\\d{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
    }

    boolean authentic(Headers headers, byte[] body, byte[] secret) {
        String given = headers.getFirst(authHeader).strip();
        if (hmacPrefix == null) {
            return MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)), sha256(secret));
        }
        if (this == GENERIC && timestamp(headers).isEmpty()) {
            return false;
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
        return MessageDigest.isEqual(hmacSha256(secret, signedContent(headers, body)), signature);
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

    /**
     * {@code sha256=<hex>} or {@code <hex>} of {@code content}, as this provider's header carries it; for senders and
     * tests (the generic scheme's content is {@code <timestamp>.<body>}).
     */
    String sign(byte[] content, byte[] secret) {
        return hmacPrefix + HexFormat.of().formatHex(hmacSha256(secret, content));
    }

    /** The SHA-256 of {@code bytes} in hex. */
    static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
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
