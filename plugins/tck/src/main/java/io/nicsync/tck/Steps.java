package io.nicsync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Steps as the applier runs them: execute, then observe again until the step is verified, and check that the VM's
 * fingerprint moved. Real platforms take seconds (a guest releasing a NIC), so verification waits up to
 * {@link #TIMEOUT}; a step that never shows fails with what was observed last.
 */
final class Steps {
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Supplier<Platform> platform;

    Steps(Supplier<Platform> platform) {
        this.platform = platform;
    }

    private Target target() {
        return platform.get().target();
    }

    /** Runs {@code step} on the VM observed as {@code before}; the VM as observed once the step is verified. */
    LiveVm run(Step step, LiveVm before) throws Exception {
        target().execute(step, TIMEOUT);
        LiveVm after = verified(step);
        assertThat(after.fingerprint()).as("the fingerprint after %s of %s", step.action().word(), step.nic())
                .isNotEqualTo(before.fingerprint());
        return after;
    }

    /** Runs {@code step}, then its inverse, each verified: the VM ends as it began. */
    LiveVm runAndUndo(Step step, LiveVm before) throws Exception {
        LiveVm changed = run(step, before);
        Step undo = step.inverse().orElseThrow(() -> new AssertionError(step.action() + " has no inverse"));
        return run(undo, changed);
    }

    /** Plugs {@code nic} as the platform does: one add in place, or staged and brought in by a migration. */
    LiveVm plug(LiveVm before, NicSpec nic) throws Exception {
        VmRef vm = before.ref();
        if (target().capabilities().hotplugMode() == HotplugMode.IN_PLACE) {
            return run(new AddNic(vm, nic, "tck: add"), before);
        }
        LiveVm staged = run(new PersistNic(vm, nic, null, "tck: staged for the migration"), before);
        return run(new Migrate(vm, List.of(nic), "tck: migrate"), staged);
    }

    /** Unplugs the NIC {@code name} and removes what is left of it in the persistent definition. */
    void unplug(LiveVm vm, String name) throws Exception {
        LiveNic nic = vm.nic(name).orElseThrow(() -> new AssertionError("no NIC " + name + " on " + vm.ref()));
        LiveVm after = nic.plugged() ? run(new UnplugNic(vm.ref(), nic.live(), "tck: unplug"), vm) : vm;
        forget(after, name);
    }

    /** Removes the persistent entry of the NIC {@code name}, if there is one; the VM as it is then. */
    LiveVm forget(LiveVm vm, String name) throws Exception {
        LiveNic nic = vm.nic(name).orElse(null);
        if (nic != null && nic.persisted()) {
            return run(new UnpersistNic(vm.ref(), nic.persistent(), "tck: remove the entry"), vm);
        }
        return vm;
    }

    private LiveVm verified(Step step) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        LiveVm live = target().observe(step.vm());
        while (!step.verifiedBy(live)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(step.action().word() + " " + step.nic() + " not verified within " + TIMEOUT
                        + "; observed: " + live);
            }
            Thread.sleep(POLL.toMillis());
            live = target().observe(step.vm());
        }
        return live;
    }
}
