package io.nicsync.apply;

import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Executes one step on a target and waits until the VM shows its effect; one deadline covers both. */
final class StepRunner {
    private final Clock clock;
    private final Verifier verifier;
    private final Duration timeout;

    StepRunner(Clock clock, Sleeper sleeper, Duration timeout) {
        this.clock = clock;
        this.verifier = new Verifier(clock, sleeper);
        this.timeout = timeout;
    }

    void run(Target target, Step step) throws TargetException, StepNotVerifiedException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        target.execute(step, timeout);
        verifier.await(target, step, deadline, timeout);
    }

    static String message(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
