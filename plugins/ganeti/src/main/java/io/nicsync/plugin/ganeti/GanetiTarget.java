package io.nicsync.plugin.ganeti;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** One Ganeti cluster, reached through its RAPI, as a nicsync {@link Target}. */
final class GanetiTarget implements Target {
    private final String name;
    private final Cluster cluster;
    private final AutoCloseable connection;
    private final GanetiCapabilities capabilities;
    private final Observing observing;
    private final StepExecutor executor;
    private final Preflight preflight;
    private volatile ClusterFacts facts;

    GanetiTarget(String name, Cluster cluster, AutoCloseable connection, Clock clock, Sleeper sleeper)
            throws TargetException {
        this.name = name;
        this.cluster = cluster;
        this.connection = connection;
        this.facts = cluster.facts();
        this.capabilities = new GanetiCapabilities(() -> facts);
        this.observing = new Observing(cluster, () -> facts, capabilities, clock, sleeper);
        this.executor = new StepExecutor(observing, cluster, clock);
        this.preflight = new Preflight(observing, cluster, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Ganeti's release, for messages. */
    String version() {
        return facts.version();
    }

    @Override
    public List<LiveVm> observeAll() throws TargetException {
        return observing.all().stream().map(Observer.Observed::vm).toList();
    }

    @Override
    public LiveVm observe(VmRef vm) throws TargetException {
        return observing.one(vm.name()).map(Observer.Observed::vm).orElseThrow(() -> new TargetException(
                Reason.NOT_FOUND, vm.name() + ": no such instance on target " + name
                        + " (instances go by their full Ganeti name, such as web1.example.org)"));
    }

    /** Reads the networks and node groups again first: they are what a preflight checks steps against. */
    @Override
    public List<String> preflight(List<Step> steps) throws TargetException {
        facts = cluster.facts();
        return preflight.check(steps, facts);
    }

    @Override
    public void execute(Step step, Duration timeout) throws TargetException {
        executor.execute(step, timeout);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // nothing is kept open between requests; closing cannot lose anything
        }
    }
}
