package io.nicsync.serve;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * What {@code POST /hooks/git} accepts: deliveries authenticated with the secret by one of the accepted schemes, no
 * larger than {@code maxBody}, not seen before within the window of {@code deliveries}, and for the generic scheme
 * signed within {@link #TIMESTAMP_TOLERANCE} of now.
 *
 * @param secret null when none is configured: every delivery is refused
 */
record Webhooks(byte[] secret, Set<Provider> accepted, PushRefs refs, int maxBody, Deliveries deliveries,
        Clock clock) {
    /** How far a generic delivery's signed timestamp may be from now, either way (clocks differ a little). */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    Webhooks {
        secret = secret == null ? null : secret.clone();
        accepted = Set.copyOf(accepted);
    }
}
