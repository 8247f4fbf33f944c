package io.nicsync.serve;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long {@code serve} waits before the next cycle: the interval after a cycle that succeeded; after failed
 * cycles an exponential backoff (the first wait, doubled per further failure, capped). Every wait is spread by
 * ±{@link #JITTER} so that replicas and CronJobs started together do not hit Git and the targets in step.
 */
final class Pacing {
    static final double JITTER = 0.1;

    private final Duration interval;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier random;
    private int failures;

    /** @param random uniform in [0, 1) */
    Pacing(Duration interval, Duration firstBackoff, Duration maxBackoff, DoubleSupplier random) {
        if (interval.isNegative() || interval.isZero() || firstBackoff.isNegative() || firstBackoff.isZero()) {
            throw new IllegalArgumentException("the interval and the backoff must be longer than 0s");
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("the maximum backoff (" + maxBackoff
                    + ") must not be shorter than the first (" + firstBackoff + ")");
        }
        this.interval = interval;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    /** The wait after a cycle, which {@code succeeded} or not. */
    Duration next(boolean succeeded) {
        if (succeeded) {
            failures = 0;
            return jittered(interval);
        }
        failures++;
        return jittered(backoff(failures));
    }

    int failures() {
        return failures;
    }

    private Duration backoff(int n) {
        Duration wait = firstBackoff;
        for (int i = 1; i < n && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
    }

    private Duration jittered(Duration d) {
        double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Duration.ofNanos(Math.round(d.toNanos() * factor));
    }
}
