package io.nicsync.plugin.ovirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waiting for the engine to show something, no longer than a step may take; time and sleeping are injected. */
final class Deadline {
    static final Duration POLL = Duration.ofMillis(500);

    /** A condition read from the engine. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws TargetException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Instant end;
    private final Duration timeout;

    Deadline(Clock clock, Sleeper sleeper, Duration timeout) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.timeout = timeout;
        this.end = clock.instant().plus(timeout);
    }

    Duration timeout() {
        return timeout;
    }

    /** Whether {@code condition} holds by the deadline; it is asked at least once. */
    boolean await(Condition condition) throws TargetException {
        while (!condition.holds()) {
            if (!clock.instant().isBefore(end)) {
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

    /** A deadline at half of what is left of this one. */
    Deadline half() {
        Duration left = Duration.between(clock.instant(), end);
        return new Deadline(clock, sleeper, left.isNegative() ? Duration.ZERO : left.dividedBy(2));
    }
}
