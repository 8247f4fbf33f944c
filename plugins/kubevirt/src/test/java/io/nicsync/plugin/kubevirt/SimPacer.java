package io.nicsync.plugin.kubevirt;

import io.nicsync.plugin.kubevirt.sim.Simulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The plugin's clock in tests, and the applier's ({@link Clock}): sleeping moves virtual time, and every
 * {@link Simulator#TICK} of it the simulated KubeVirt runs one pass. Waiting tests take milliseconds and always see
 * the same sequence.
 */
final class SimPacer extends Clock implements Pacer {
    private final Simulator sim;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private Duration sinceTick = Duration.ZERO;
    private Duration slept = Duration.ZERO;

    SimPacer(Simulator sim) {
        this.sim = sim;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        now = now.plus(duration);
        slept = slept.plus(duration);
        sinceTick = sinceTick.plus(duration);
        while (sinceTick.compareTo(Simulator.TICK) >= 0) {
            sinceTick = sinceTick.minus(Simulator.TICK);
            sim.tick();
        }
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

    /** Virtual time the plugin spent sleeping. */
    Duration slept() {
        return slept;
    }
}
