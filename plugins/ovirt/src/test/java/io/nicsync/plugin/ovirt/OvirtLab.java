package io.nicsync.plugin.ovirt;

import io.nicsync.plugin.ovirt.sim.EngineState;
import io.nicsync.plugin.ovirt.sim.Fixtures;
import io.nicsync.plugin.ovirt.sim.SimEngine;
import io.nicsync.plugin.ovirt.sim.TestPki;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.util.Map;

/**
 * A simulated engine with the plugin's target open on it, as nicsync opens one from {@code nicsync.yaml}: url, the
 * engine's CA file, a user and its password from the environment. Closing it checks that every document exchanged
 * was valid against the API model.
 */
final class OvirtLab implements AutoCloseable {
    static final String TARGET = "dc1";
    static final String PASSWORD_ENV = "OVIRT_TEST_PASSWORD";

    final EngineState state;
    final SimEngine engine;
    final FakeTime time = new FakeTime();
    final OvirtPlugin plugin = new OvirtPlugin(Map.of(PASSWORD_ENV, Fixtures.PASSWORD)::get, time, time.sleeper);
    final Target target;

    private OvirtLab(EngineState state, Map<String, String> settings) throws Exception {
        this.state = state;
        this.engine = SimEngine.start(state, TestPki.shared());
        this.target = plugin.open(config(settings));
    }

    static OvirtLab standard() throws Exception {
        return new OvirtLab(Fixtures.standard(), Map.of());
    }

    static OvirtLab of(EngineState state, Map<String, String> settings) throws Exception {
        return new OvirtLab(state, settings);
    }

    TargetConfig config(Map<String, String> extra) {
        var settings = new java.util.HashMap<>(Map.of("url", engine.url(), "caFile", engine.caFile().toString(),
                "user", Fixtures.USER, "passwordEnv", PASSWORD_ENV));
        settings.putAll(extra);
        return new TargetConfig(TARGET, "ovirt", settings);
    }

    static VmRef vm(String name) {
        return VmRef.of(TARGET, name);
    }

    LiveVm observe(String name) throws TargetException {
        return target.observe(vm(name));
    }

    /** Runs {@code step} as the applier does, and checks that a fresh observation verifies it. */
    LiveVm apply(io.nicsync.spi.Step step) throws TargetException {
        target.execute(step, java.time.Duration.ofSeconds(60));
        LiveVm after = target.observe(step.vm());
        if (!step.verifiedBy(after)) {
            throw new AssertionError(step.action().word() + " " + step.nic() + " not verified; observed " + after);
        }
        return after;
    }

    /** Unplugs the plugged NIC {@code nic} of {@code vm}, verified; the NIC as it is then, in the configuration. */
    io.nicsync.spi.LiveNic unplug(String vm, String nic) throws TargetException {
        var plugged = observe(vm).nic(nic).orElseThrow();
        return apply(new io.nicsync.spi.UnplugNic(vm(vm), plugged.live(), "test")).nic(nic).orElseThrow();
    }

    /** The NIC {@code name} on {@code network/profile} as a new NIC: virtio, link up, no MAC asked. */
    static io.nicsync.spi.NicSpec nic(String name, String network) {
        return new io.nicsync.spi.NicSpec(name, null, Networks.profile(network, network), "virtio", null,
                io.nicsync.spi.LinkState.UP, null);
    }

    EngineState.Nic simNic(String vm, String nic) {
        return simVm(vm).nics.stream().filter(n -> n.name.equals(nic)).findFirst().orElseThrow();
    }

    EngineState.Vm simVm(String name) {
        return state.vms.values().stream().filter(v -> v.name.equals(name)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        target.close();
        engine.close();
        if (!engine.modelProblems().isEmpty()) {
            throw new AssertionError("documents that depart from the oVirt API model:\n"
                    + String.join("\n", engine.modelProblems()));
        }
    }
}
