package io.nicsync.plugin.ovirt;

import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * A restart that makes the changes waiting for it: the engine keeps no pending change for a plugged NIC, so they are
 * made while the VM is down, where the engine takes any change. The step's time is shared explicitly: the guest has
 * the first {@link #SHUTDOWN_SHARE} of it to shut down (ACPI or its agent; the engine's own graceful shutdown gives it
 * 30 s, VmGracefulShutdownTimeout), then it is powered off and has until {@link #POWER_OFF_SHARE} to be down; the
 * rest is for the changes, the start, and the VM to be up. Whatever fails, a VM this step took down is started again,
 * and the failure says which changes were made and what the VM is now.
 */
final class Restarter {
    static final double SHUTDOWN_SHARE = 0.5;
    static final double POWER_OFF_SHARE = 0.6;

    private final Engine engine;
    private final Observing observing;
    private final NicSteps nics;

    Restarter(Engine engine, Observing observing, NicSteps nics) {
        this.engine = engine;
        this.observing = observing;
        this.nics = nics;
    }

    void restart(Observed on, List<NicSpec> pending, Deadline deadline, String target) throws TargetException {
        String name = on.vm().name();
        if (!on.vm().up()) {
            throw new TargetException(Reason.UNSUPPORTED, name + ": cannot restart it: it is " + on.vm().status());
        }
        Deadline shutdown = deadline.upTo(SHUTDOWN_SHARE);
        Deadline powerOff = deadline.upTo(POWER_OFF_SHARE);
        try (var limit = engine.within(shutdown)) {
            engine.shutdown(on.vm());
        } catch (EngineErrors.OutcomeUnknown e) {
            // the engine may be shutting it down: it is waited for as any shutdown
        }
        if (!shutdown.await(() -> is(name, EngineVm.DOWN))) {
            try (var limit = engine.within(powerOff)) {
                engine.stop(on.vm());
            } catch (EngineErrors.OutcomeUnknown e) {
                // the engine may be powering it off: it is waited for as any power-off
            } catch (TargetException e) {
                throw new TargetException(e.reason(), name + ": the guest did not shut down within "
                        + Deadline.text(shutdown.timeout()) + " and " + e.getMessage() + "; no NIC was changed; "
                        + startAgain(on.vm(), deadline), e);
            }
            if (!powerOff.await(() -> is(name, EngineVm.DOWN))) {
                throw new TargetException(Reason.TIMEOUT, name + ": not down " + Deadline.text(powerOff.timeout())
                        + " after the shutdown began (powered off after " + Deadline.text(shutdown.timeout())
                        + "); no NIC was changed; " + startAgain(on.vm(), deadline));
            }
        }
        Observed down = observing.require(name, target);
        List<String> made = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (NicSpec spec : pending) {
            try {
                nics.bring(down, spec, deadline);
                made.add(spec.label());
            } catch (TargetException e) {
                failed.add(spec.label() + " (" + e.getMessage() + ")");
            }
        }
        String changes = changes(made, failed);
        try (var free = engine.unlimited()) {
            engine.start(down.vm());
        } catch (TargetException e) {
            throw new TargetException(e.reason(), name + ": " + changes + " while it was down, but starting it again"
                    + " failed: " + e.getMessage() + "; it is " + status(name), e);
        }
        if (!deadline.await(() -> is(name, EngineVm.UP))) {
            throw new TargetException(Reason.TIMEOUT, name + ": " + changes + " while it was down and started it"
                    + " again, but it is not up " + Deadline.text(deadline.timeout()) + " after the step began: it is "
                    + status(name));
        }
        if (!failed.isEmpty()) {
            throw new TargetException(Reason.REFUSED, name + ": restarted; " + changes);
        }
    }

    /**
     * The restart failed before anything was changed: the VM may be stopping or down. Once it is down (it has the
     * step's time left), it is started again; what it is then is said either way.
     */
    private String startAgain(EngineVm vm, Deadline deadline) {
        try (var free = engine.unlimited()) {
            if (!deadline.await(() -> is(vm.name(), EngineVm.DOWN))) {
                return "it is " + status(vm.name()) + ", not down, so it was not started again";
            }
            engine.start(vm);
            return "it was started again and is " + status(vm.name());
        } catch (TargetException e) {
            return "starting it again failed: " + e.getMessage() + "; it is " + status(vm.name());
        }
    }

    private static String changes(List<String> made, List<String> failed) {
        String out = made.isEmpty() ? "changed no NIC" : "changed " + String.join(", ", made);
        return failed.isEmpty() ? out : out + ", not " + String.join(", ", failed);
    }

    private boolean is(String name, String status) throws TargetException {
        return engine.vm(name).map(EngineVm::status).orElse("gone").equals(status);
    }

    /** The VM's status as the engine says it now, for messages. */
    private String status(String name) {
        try (var free = engine.unlimited()) {
            return engine.vm(name).map(EngineVm::status).orElse("gone");
        } catch (TargetException e) {
            return "unknown (reading it failed: " + e.getMessage() + ")";
        }
    }
}
