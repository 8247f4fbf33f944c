package io.nicsync.plugin.ovirt;

import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A restart that makes the changes waiting for it: the engine keeps no pending change for a plugged NIC, so they are
 * made while the VM is down, where the engine takes any change. The VM is shut down (ACPI or guest agent), powered
 * off if it has not stopped within half the time left, changed, and started again. It is started again also when a
 * change fails; the step then fails naming the changes that were not made.
 */
final class Restarter {
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
        engine.shutdown(on.vm());
        if (!deadline.half().await(() -> status(name).equals(EngineVm.DOWN))) {
            engine.stop(on.vm());
            if (!deadline.await(() -> status(name).equals(EngineVm.DOWN))) {
                throw new TargetException(Reason.TIMEOUT, name + ": not down within " + deadline.timeout()
                        + " of the shutdown and the power-off; nothing was changed");
            }
        }
        List<String> failed = new ArrayList<>();
        Observed down = observing.require(name, target);
        for (NicSpec spec : pending) {
            try {
                nics.persist(down, spec);
            } catch (TargetException e) {
                failed.add(spec.label() + " (" + e.getMessage() + ")");
            }
        }
        engine.start(down.vm());
        if (!deadline.await(() -> status(name).equals(EngineVm.UP))) {
            throw new TargetException(Reason.TIMEOUT, name + ": changed while down, but not up again within "
                    + deadline.timeout() + (failed.isEmpty() ? "" : "; not changed: " + String.join(", ", failed)));
        }
        if (!failed.isEmpty()) {
            throw new TargetException(Reason.REFUSED, name + ": restarted without these changes: "
                    + String.join(", ", failed));
        }
    }

    private String status(String name) throws TargetException {
        Optional<EngineVm> vm = engine.vm(name);
        return vm.map(EngineVm::status).orElse("gone");
    }
}
