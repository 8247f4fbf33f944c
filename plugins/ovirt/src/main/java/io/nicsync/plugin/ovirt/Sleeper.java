package io.nicsync.plugin.ovirt;

import java.time.Duration;

/** Waiting between two looks at the engine; tests pass one that does not wait. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
