package io.nicsync.plugin.ganeti;

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
import java.util.List;

/**
 * Carries out one step on one instance, from a fresh reading of it. Live steps hotplug; persistent steps change
 * the configuration only; a restart is a hard reboot. Ledger entries a restart has ended are removed first, so
 * that they cannot come back once Ganeti has archived the job that ended them.
 */
final class StepExecutor {
    private final Observing observing;
    private final Hotplugs hotplugs;
    private final ConfigChanges config;
    private final Restarter restarter;
    private final Ledgers ledgers;
    private final Clock clock;

    StepExecutor(Observing observing, Cluster cluster, Clock clock) {
        this.observing = observing;
        this.ledgers = new Ledgers(cluster);
        this.hotplugs = new Hotplugs(cluster, ledgers);
        this.config = new ConfigChanges(cluster, ledgers);
        this.restarter = new Restarter(cluster, ledgers);
        this.clock = clock;
    }

    void execute(Step step, Duration timeout) throws TargetException {
        String name = step.vm().name();
        String where = step.nic() == null ? name : name + "/" + step.nic();
        Observer.Observed observed = observing.one(name).orElseThrow(() -> new TargetException(Reason.NOT_FOUND,
                name + ": no such instance on target " + step.vm().target()));
        OnInstance on = new OnInstance(observed, where, clock.instant().plus(timeout));
        dropEnded(on);
        switch (step) {
            case AddNic s -> hotplugs.add(on, s.spec());
            case UnplugNic s -> hotplugs.unplug(on, s.spec());
            case RepointNic s -> hotplugs.repoint(on, s.spec(), s.to());
            case PersistNic s -> config.persist(on, s.spec());
            case UnpersistNic s -> config.unpersist(on, s.spec());
            case RestartRequired s -> restarter.restart(on, timeout);
            case SetLink s -> throw new TargetException(Reason.UNSUPPORTED,
                    where + ": Ganeti NICs have no link state; they are always up");
            case Migrate s -> throw new TargetException(Reason.UNSUPPORTED,
                    where + ": Ganeti hotplugs NICs in place; nicsync does not migrate instances");
        }
    }

    private void dropEnded(OnInstance on) throws TargetException {
        List<Ledger.Entry> ended = Ledger.of(on.instance().tags()).entries().stream()
                .filter(e -> !on.ledger().entries().contains(e)).toList();
        ledgers.forget(on.name(), ended, on.deadline(), on.where());
    }
}
