package io.nicsync.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authentic deliveries seen within a window, to refuse a replay: by delivery id where the sender gives one, and
 * by what the signature covers (a replay under a new delivery id carries the same signed content). Bounded: past the
 * window or the capacity, the oldest are forgotten first. Only authentic deliveries are recorded, so nobody without
 * the secret can push one out.
 */
final class Deliveries {
    private final Map<String, Instant> seen;
    private final Duration window;
    private final Clock clock;

    Deliveries(int capacity, Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when none of {@code keys} was seen within the window; then all of them are remembered. */
    synchronized boolean first(String... keys) {
        Instant now = clock.instant();
        forgetBefore(now.minus(window));
        for (String key : keys) {
            if (seen.containsKey(key)) {
                return false;
            }
        }
        for (String key : keys) {
            seen.put(key, now);
        }
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void forgetBefore(Instant oldest) {
        Iterator<Instant> it = seen.values().iterator();
        while (it.hasNext() && it.next().isBefore(oldest)) {
            it.remove();
        }
    }
}
