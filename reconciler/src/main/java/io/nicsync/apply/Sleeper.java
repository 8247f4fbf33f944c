package io.nicsync.apply;

import java.time.Duration;

/** Waiting, injected so that tests of timeouts and backoff run in milliseconds. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    void sleep(Duration d) throws InterruptedException;
}
