package io.nicsync.plugin.ganeti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when something sleeps on it. */
final class FakeTime extends Clock implements Sleeper {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private Duration slept = Duration.ZERO;

    @Override
    public void sleep(Duration d) {
        now = now.plus(d);
        slept = slept.plus(d);
    }

    Duration slept() {
        return slept;
    }

    @Override
    public Instant instant() {
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
