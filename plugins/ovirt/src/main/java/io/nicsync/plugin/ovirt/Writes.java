package io.nicsync.plugin.ovirt;

import io.nicsync.spi.TargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes of a step, each waiting no longer than the step may take. The engine's command goes on when the client stops
 * waiting, so a write whose answer did not come in time has an unknown outcome: the NIC is read again, until the
 * step's deadline, and the write is done once the NIC shows it; otherwise the step fails saying what the engine has
 * then.
 */
final class Writes {
    /** One request of the engine. */
    @FunctionalInterface
    interface Write {
        void run() throws TargetException;
    }

    private final Engine engine;
    private final Observing observing;

    Writes(Engine engine, Observing observing) {
        this.engine = engine;
        this.observing = observing;
    }

    /**
     * @param nic the NIC's name in the engine
     * @param wanted what the NIC has once the write is made; null for a write that removes it
     */
    void settle(Observed on, String nic, NicWrite wanted, Deadline deadline, Write write) throws TargetException {
        try (var limit = engine.within(deadline)) {
            write.run();
        } catch (EngineErrors.OutcomeUnknown e) {
            AtomicReference<Optional<EngineNic>> now = new AtomicReference<>(Optional.empty());
            boolean made;
            try (var free = engine.unlimited()) {
                made = deadline.await(() -> {
                    now.set(engine.nics(on.vm()).stream().filter(n -> nic.equals(n.name())).findFirst());
                    return wanted == null ? now.get().isEmpty() : now.get().filter(wanted::shownBy).isPresent();
                });
            }
            if (!made) {
                throw new EngineErrors.OutcomeUnknown(e.getMessage() + "; read again until the step's end, "
                        + describe(on, nic, now.get()) + ": the engine may still make the change", e);
            }
        }
    }

    private String describe(Observed on, String name, Optional<EngineNic> nic) {
        if (nic.isEmpty()) {
            return "the engine has no NIC " + name + " on " + on.vm().name();
        }
        EngineNic n = nic.get();
        return "the engine has " + name + " " + (n.plugged() ? "plugged" : "unplugged, in the configuration")
                + ", on " + Networks.of(n.profileId(), observing.profiles()).display() + ", link "
                + (n.linked() ? "up" : "down") + (n.iface() == null ? "" : ", " + n.iface()) + ", mac " + n.mac();
    }
}
