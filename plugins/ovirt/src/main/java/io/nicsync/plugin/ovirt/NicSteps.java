package io.nicsync.plugin.ovirt;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.Optional;

/**
 * The NIC steps as engine requests, each on a fresh reading of the VM ({@link Observed}). The engine keeps one
 * configuration per NIC, {@code plugged} saying whether the running VM has it, and nicsync's plans for it add and
 * remove configured NICs by persist and unpersist steps, and plug and unplug configured NICs by add and unplug steps
 * ({@code keepsUnpluggedNics}):
 *
 * <ul>
 *   <li>add: an update of the configured NIC with {@code plugged: true}, changed as asked in the same request (a NIC
 *       that is not configured at all is added plugged, in one request: AddVmInterfaceCommand adds it, then plugs it,
 *       and takes the addition back when VDSM fails to plug it);</li>
 *   <li>unplug: deactivate; VDSM answers once the guest has released the device, and the NIC stays configured, with
 *       its engine id and MAC, for a later add to plug back;</li>
 *   <li>link and vNIC profile: an update of that field alone, which the engine makes live on a plugged NIC;</li>
 *   <li>persist: the configuration; a new NIC added unplugged to a running VM, and plugged to a VM that is down, to
 *       start with it; a configured NIC keeps its {@code plugged}, so that the undo of a persist puts it back as it
 *       was;</li>
 *   <li>unpersist: remove, which returns the MAC to the pool, so of a running VM only once the guest agent no longer
 *       reports that MAC.</li>
 * </ul>
 */
final class NicSteps {
    /** The part of an unpersist step spent waiting for the guest agent; the rest is the removal's. */
    static final double RELEASE_SHARE = 0.75;

    private final Engine engine;
    private final Observing observing;
    private final Writes writes;

    NicSteps(Engine engine, Observing observing) {
        this.engine = engine;
        this.observing = observing;
        this.writes = new Writes(engine, observing);
    }

    void plug(Observed on, NicSpec spec, Deadline deadline) throws TargetException {
        requireUp(on, spec, "plug");
        Optional<EngineNic> existing = on.nic(spec);
        if (existing.isEmpty()) {
            NicWrite add = write(on, spec, true).withPlugged(true);
            writes.settle(on, spec.name(), add, deadline, () -> engine.addNic(on.vm(), add));
            return;
        }
        EngineNic nic = existing.get();
        NicWrite update = write(on, spec, false).withPlugged(nic.plugged() ? null : Boolean.TRUE);
        writes.settle(on, nic.name(), update, deadline, () -> engine.updateNic(on.vm(), nic, update, nic.plugged()
                ? "changing the plugged NIC" : "plugging it, configured as asked"));
    }

    /** Unplugs the NIC from the running VM; it stays in the configuration. */
    void unplug(Observed on, NicSpec spec, Deadline deadline) throws TargetException {
        Optional<EngineNic> found = on.nic(spec);
        if (found.isEmpty() || !on.vm().up() || !found.get().plugged()) {
            return;
        }
        EngineNic nic = found.get();
        writes.settle(on, nic.name(), NicWrite.NOTHING.withPlugged(false), deadline,
                () -> engine.deactivate(on.vm(), nic));
    }

    void repoint(Observed on, NicSpec spec, NetworkRef to, Deadline deadline) throws TargetException {
        EngineNic nic = require(on, spec);
        NicWrite update = NicWrite.NOTHING.withProfile(profileId(on, to));
        writes.settle(on, nic.name(), update, deadline, () -> engine.updateNic(on.vm(), nic, update,
                "moving it to " + to.display()));
    }

    void link(Observed on, NicSpec spec, LinkState to, Deadline deadline) throws TargetException {
        EngineNic nic = require(on, spec);
        NicWrite update = NicWrite.NOTHING.withLinked(to == LinkState.UP);
        writes.settle(on, nic.name(), update, deadline, () -> engine.updateNic(on.vm(), nic, update,
                "setting its link " + to.yaml()));
    }

    /**
     * The NIC's configuration. A new NIC is added unplugged to a running VM (an add step plugs it) and plugged to a
     * VM that is down, to start with it; a configured NIC keeps whether it is plugged.
     */
    void persist(Observed on, NicSpec spec, Deadline deadline) throws TargetException {
        configure(on, spec, on.vm().down() ? Boolean.TRUE : Boolean.FALSE, null, deadline);
    }

    /** What a restart brings, made while the VM is down: the NIC configured and plugged, to start with the VM. */
    void bring(Observed down, NicSpec spec, Deadline deadline) throws TargetException {
        configure(down, spec, Boolean.TRUE, Boolean.TRUE, deadline);
    }

    /** Removes the NIC from the configuration; of a running VM, once the guest agent no longer reports its MAC. */
    void remove(Observed on, NicSpec spec, Deadline deadline) throws TargetException {
        Optional<EngineNic> found = on.nic(spec);
        if (found.isEmpty()) {
            return;
        }
        EngineNic nic = found.get();
        String name = on.vm().name() + "/" + nic.name();
        boolean leftUnplugged = on.vm().up() && !nic.plugged();
        if (leftUnplugged && nic.mac() != null) {
            Deadline release = deadline.upTo(RELEASE_SHARE);
            if (!release.await(() -> !engine.reportedMacs(on.vm()).contains(nic.mac()))) {
                throw new TargetException(Reason.NOT_RELEASED, name + ": the guest agent still reports its MAC "
                        + nic.mac() + " " + Deadline.text(release.timeout()) + " after the step began, so the guest"
                        + " may still hold it and the MAC does not go back to the pool: not removed; the NIC stays"
                        + " unplugged, in the VM's configuration");
            }
        }
        try {
            writes.settle(on, nic.name(), null, deadline, () -> engine.removeNic(on.vm(), nic));
        } catch (EngineErrors.OutcomeUnknown e) {
            throw e; // it says what the engine has
        } catch (TargetException e) {
            throw leftUnplugged ? new TargetException(e.reason(), e.getMessage() + "; the NIC stays unplugged, in"
                    + " the VM's configuration", e) : e;
        }
    }

    /**
     * What a request writes to give a NIC {@code spec}: its profile and link always; model and MAC where the spec
     * names them, and for a new NIC its name and the default model.
     */
    NicWrite write(Observed on, NicSpec spec, boolean create) throws TargetException {
        String iface = spec.model() != null ? spec.model() : create ? Models.DEFAULT : null;
        return new NicWrite(create ? spec.name() : null, iface, spec.mac(), profileId(on, spec.network()),
                spec.link() == LinkState.UP, null);
    }

    /** The engine's id of the profile {@code ref} names in the VM's data center, read anew if not known yet. */
    String profileId(Observed on, NetworkRef ref) throws TargetException {
        if (ref.is(Networks.EMPTY)) {
            return NicWrite.NO_PROFILE;
        }
        if (ref.is(Networks.PROFILE_ID)) {
            return ref.attribute("id");
        }
        Optional<Profile> known = observing.profiles().in(on.dataCenterId(), ref);
        Profiles profiles = known.isPresent() ? observing.profiles() : observing.fresh().profiles();
        return profiles.in(on.dataCenterId(), ref).map(Profile::id).orElseThrow(() -> new TargetException(
                Reason.NOT_FOUND, on.vm().name() + ": no vNIC profile " + ref.display() + " in its data center"
                        + " (profiles there: " + profiles.namesIn(on.dataCenterId()) + ")"));
    }

    /**
     * @param newPlugged {@code plugged} of a NIC added
     * @param plugged {@code plugged} of a configured NIC; null keeps it
     */
    private void configure(Observed on, NicSpec spec, Boolean newPlugged, Boolean plugged, Deadline deadline)
            throws TargetException {
        Optional<EngineNic> existing = on.nic(spec);
        if (existing.isEmpty()) {
            NicWrite add = write(on, spec, true).withPlugged(newPlugged);
            writes.settle(on, spec.name(), add, deadline, () -> engine.addNic(on.vm(), add));
            return;
        }
        EngineNic nic = existing.get();
        NicWrite update = write(on, spec, false).withPlugged(plugged);
        writes.settle(on, nic.name(), update, deadline, () -> engine.updateNic(on.vm(), nic, update,
                "changing its configuration"));
    }

    private static EngineNic require(Observed on, NicSpec spec) throws TargetException {
        return on.nic(spec).orElseThrow(() -> new TargetException(Reason.NOT_FOUND, on.vm().name() + ": no NIC "
                + spec.label()));
    }

    private static void requireUp(Observed on, NicSpec spec, String verb) throws TargetException {
        if (!on.vm().up()) {
            throw new TargetException(Reason.UNSUPPORTED, on.vm().name() + "/" + spec.label() + ": cannot " + verb
                    + " it: the VM is " + on.vm().status() + ", and the engine plugs NICs only into a VM that is up");
        }
    }
}
