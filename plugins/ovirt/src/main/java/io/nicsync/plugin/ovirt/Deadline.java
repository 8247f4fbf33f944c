package io.nicsync.plugin.ovirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A step's time, and waiting for the engine to show something within it; time and sleeping are injected. A step
 * that waits for several things gives each an explicit share of its timeout ({@link #upTo}), so that a slow first
 * part cannot leave the next part no time at all.
 */
final class Deadline {
    static final Duration POLL = Duration.ofMillis(500);

    /** A condition read from the engine. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws TargetException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Instant start;
    private final Duration timeout;

    Deadline(Clock clock, Sleeper sleeper, Duration timeout) {
        this(clock, sleeper, clock.instant(), timeout);
    }

    private Deadline(Clock clock, Sleeper sleeper, Instant start, Duration timeout) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.start = start;
        this.timeout = timeout;
    }

    /** From the step's start to this deadline's end. */
    Duration timeout() {
        return timeout;
    }

    Instant end() {
        return start.plus(timeout);
    }

    /** The part of the step that ends at {@code share} (0 to 1) of this deadline's timeout, counted from its start. */
    Deadline upTo(double share) {
        return new Deadline(clock, sleeper, start, Duration.ofMillis(Math.round(timeout.toMillis() * share)));
    }

    /** {@code d} as messages say it, such as {@code 45 s}. */
    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    /** Whether {@code condition} holds by the deadline; it is asked at least once. */
    boolean await(Condition condition) throws TargetException {
        while (!condition.holds()) {
            if (!clock.instant().isBefore(end())) {
                return false;
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException(Reason.TIMEOUT, "interrupted while waiting for the engine", e);
            }
        }
        return true;
    }
}
