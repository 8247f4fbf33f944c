package io.nicsync.plugin.ganeti;

import java.time.Duration;

/** Waiting, injected with the {@link java.time.Clock} so that tests of job polling do not sleep. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
}
