package io.nicsync.plugin.ovirt;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.Optional;

/**
 * The NIC steps as engine requests, each on a fresh reading of the VM ({@link Observed}). The engine keeps one
 * configuration per NIC, {@code plugged} saying whether the running VM has it:
 *
 * <ul>
 *   <li>add and plug: one add with {@code plugged: true} (AddVmInterfaceCommand adds the NIC, then plugs it, and takes
 *       the addition back when VDSM fails to plug it); a NIC already configured but unplugged is updated and plugged
 *       by one update with {@code plugged: true};</li>
 *   <li>unplug and remove: deactivate (VDSM waits for the guest to release the device), wait until the guest agent no
 *       longer reports it, then remove it: the engine removes only a NIC that is not plugged into a running VM;</li>
 *   <li>link and vNIC profile: an update of that field alone, which the engine makes live on a plugged NIC;</li>
 *   <li>the configuration ({@code persist}): of a VM that is down, the NIC with {@code plugged: true}, to start with
 *       it; of a VM that is up, the fields without plugging anything.</li>
 * </ul>
 */
final class NicSteps {
    private final Engine engine;
    private final Observing observing;

    NicSteps(Engine engine, Observing observing) {
        this.engine = engine;
        this.observing = observing;
    }

    void plug(Observed on, NicSpec spec) throws TargetException {
        requireUp(on, spec, "plug");
        Optional<EngineNic> existing = on.nic(spec);
        if (existing.isEmpty()) {
            engine.addNic(on.vm(), write(on, spec, true).withPlugged(true));
        } else if (!existing.get().plugged()) {
            engine.updateNic(on.vm(), existing.get(), write(on, spec, false).withPlugged(true),
                    "plugging it, configured as asked");
        } else {
            engine.updateNic(on.vm(), existing.get(), write(on, spec, false), "changing the plugged NIC");
        }
    }

    /** Unplugs the NIC, waits for the guest to let it go, and removes it from the configuration. */
    void unplug(Observed on, NicSpec spec, Deadline deadline) throws TargetException {
        Optional<EngineNic> found = on.nic(spec);
        if (found.isEmpty()) {
            return;
        }
        EngineNic nic = found.get();
        if (on.vm().up()) {
            if (nic.plugged()) {
                engine.deactivate(on.vm(), nic);
            }
            awaitReleased(on, nic, deadline);
        }
        engine.removeNic(on.vm(), nic);
    }

    void repoint(Observed on, NicSpec spec, NetworkRef to) throws TargetException {
        EngineNic nic = require(on, spec);
        engine.updateNic(on.vm(), nic, new NicWrite(null, null, null, profileId(on, to), null, null),
                "moving it to " + to.display());
    }

    void link(Observed on, NicSpec spec, LinkState to) throws TargetException {
        EngineNic nic = require(on, spec);
        engine.updateNic(on.vm(), nic, new NicWrite(null, null, null, null, to == LinkState.UP, null),
                "setting its link " + to.yaml());
    }

    /** The NIC's configuration; of a VM that is down, also started with it. */
    void persist(Observed on, NicSpec spec) throws TargetException {
        Optional<EngineNic> existing = on.nic(spec);
        boolean down = on.vm().down();
        if (existing.isEmpty()) {
            engine.addNic(on.vm(), write(on, spec, true).withPlugged(down));
            return;
        }
        EngineNic nic = existing.get();
        boolean held = nic.mac() != null && on.reported().contains(nic.mac());
        Boolean plugged = down || held && !nic.plugged() ? Boolean.TRUE : null;
        engine.updateNic(on.vm(), nic, write(on, spec, false).withPlugged(plugged), "changing its configuration");
    }

    void remove(Observed on, NicSpec spec) throws TargetException {
        Optional<EngineNic> nic = on.nic(spec);
        if (nic.isPresent()) {
            engine.removeNic(on.vm(), nic.get());
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

    /** The engine's id of the profile {@code ref} names in the VM's data center. */
    String profileId(Observed on, NetworkRef ref) throws TargetException {
        if (ref.is(Networks.EMPTY)) {
            return NicWrite.NO_PROFILE;
        }
        if (ref.is(Networks.PROFILE_ID)) {
            return ref.attribute("id");
        }
        Profiles profiles = observing.profiles();
        return profiles.in(on.dataCenterId(), ref).map(Profile::id).orElseThrow(() -> new TargetException(
                Reason.NOT_FOUND, on.vm().name() + ": no vNIC profile " + ref.display() + " in its data center"
                        + " (profiles there: " + profiles.namesIn(on.dataCenterId()) + ")"));
    }

    /**
     * VDSM returns from an unplug once libvirt has removed the device, which waits for the guest; the guest agent
     * reports what the guest itself still has, a little later. A NIC the agent goes on reporting is not released.
     */
    private void awaitReleased(Observed on, EngineNic nic, Deadline deadline) throws TargetException {
        if (nic.mac() == null || !on.reported().contains(nic.mac())) {
            return;
        }
        if (!deadline.await(() -> !engine.reportedMacs(on.vm()).contains(nic.mac()))) {
            throw new TargetException(Reason.NOT_RELEASED, on.vm().name() + "/" + nic.name() + ": the engine unplugged"
                    + " it, but the guest agent still reports its MAC " + nic.mac() + " after " + deadline.timeout()
                    + ": the guest has not released it, so it is left unplugged and not removed");
        }
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
