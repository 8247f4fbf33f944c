package io.nicsync.plugin.ovirt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the plugin sleeps: waits take no wall-clock time. */
final class FakeTime extends Clock {
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private Duration slept = Duration.ZERO;

    final Sleeper sleeper = d -> {
        synchronized (this) {
            now = now.plus(d);
            slept = slept.plus(d);
        }
    };

    synchronized Duration slept() {
        return slept;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
