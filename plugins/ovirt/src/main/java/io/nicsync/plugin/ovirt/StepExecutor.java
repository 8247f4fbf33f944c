package io.nicsync.plugin.ovirt;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import java.time.Clock;
import java.time.Duration;

/** Carries out one step on one VM, from a fresh reading of it; no request of the step waits past its deadline. */
final class StepExecutor {
    private final String target;
    private final Engine engine;
    private final Observing observing;
    private final NicSteps nics;
    private final Restarter restarter;
    private final Clock clock;
    private final Sleeper sleeper;

    StepExecutor(String target, Engine engine, Observing observing, Clock clock, Sleeper sleeper) {
        this.target = target;
        this.engine = engine;
        this.observing = observing;
        this.nics = new NicSteps(engine, observing);
        this.restarter = new Restarter(engine, observing, nics);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    void execute(Step step, Duration timeout) throws TargetException {
        Deadline deadline = new Deadline(clock, sleeper, timeout);
        try (var limit = engine.within(deadline)) {
            Observed on = observing.require(step.vm().name(), target);
            switch (step) {
                case AddNic s -> nics.plug(on, s.spec(), deadline);
                case UnplugNic s -> nics.unplug(on, s.spec(), deadline);
                case RepointNic s -> nics.repoint(on, s.spec(), s.to(), deadline);
                case SetLink s -> nics.link(on, s.spec(), s.to(), deadline);
                case PersistNic s -> nics.persist(on, s.spec(), deadline);
                case UnpersistNic s -> nics.remove(on, s.spec(), deadline);
                case RestartRequired s -> restarter.restart(on, s.pending(), deadline, target);
                case Migrate s -> throw new TargetException(Reason.UNSUPPORTED, step.vm().name()
                        + ": the engine plugs NICs in place; nicsync does not migrate oVirt VMs");
            }
        }
    }
}
