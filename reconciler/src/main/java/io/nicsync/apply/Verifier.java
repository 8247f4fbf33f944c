package io.nicsync.apply;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Re-observes a VM, with backoff, until a step's effect shows or its deadline passes. */
final class Verifier {
    private static final Duration FIRST = Duration.ofMillis(50);
    private static final Duration MAX = Duration.ofSeconds(2);

    private final Clock clock;
    private final Sleeper sleeper;

    Verifier(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    LiveVm await(Target target, Step step, Instant deadline, Duration timeout)
            throws TargetException, StepNotVerifiedException, InterruptedException {
        Duration wait = FIRST;
        while (true) {
            LiveVm live = target.observe(step.vm());
            if (step.verifiedBy(live)) {
                return live;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new StepNotVerifiedException(step, live, timeout);
            }
            sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
            wait = wait.multipliedBy(2).compareTo(MAX) < 0 ? wait.multipliedBy(2) : MAX;
        }
    }
}
