package io.nicsync.plugin.ovirt;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** One oVirt engine as a nicsync {@link Target}. */
final class OvirtTarget implements Target {
    private final String name;
    private final Engine engine;
    private final String version;
    private final Observing observing;
    private final OvirtCapabilities capabilities;
    private final StepExecutor executor;
    private final Preflight preflight;

    OvirtTarget(String name, Engine engine, EngineSettings.Replug replug, Clock clock, Sleeper sleeper)
            throws TargetException {
        this.name = name;
        this.engine = engine;
        this.version = engine.version();
        this.observing = new Observing(engine, name);
        this.capabilities = new OvirtCapabilities(replug, observing::profiles);
        this.executor = new StepExecutor(name, engine, observing, clock, sleeper);
        this.preflight = new Preflight(engine, observing);
    }

    @Override
    public String name() {
        return name;
    }

    /** The engine's release, for messages. */
    String version() {
        return version;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public List<LiveVm> observeAll() throws TargetException {
        return observing.all().stream().map(Observed::live).toList();
    }

    @Override
    public LiveVm observe(VmRef vm) throws TargetException {
        return observing.require(vm.name(), name).live();
    }

    @Override
    public List<String> preflight(List<Step> steps) throws TargetException {
        return preflight.check(steps);
    }

    @Override
    public void execute(Step step, Duration timeout) throws TargetException {
        executor.execute(step, timeout);
    }

    @Override
    public void close() {
        engine.close();
    }
}
