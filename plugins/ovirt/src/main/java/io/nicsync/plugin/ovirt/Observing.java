package io.nicsync.plugin.ovirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads VMs, with the catalogue that names their networks (vNIC profiles, networks, clusters). The catalogue is read
 * anew when a batch of observations starts (every VM listed: a plan; a preflight: an apply) and kept for the single
 * VMs read within it (a stale check, each step's verification): three lists fewer per read. It never hides a change:
 * a VM whose cluster or NIC profile the kept catalogue does not name is read with a catalogue read anew.
 */
final class Observing implements Observer.Catalogues {
    private final Engine engine;
    private final Observer observer;
    private volatile Observer.Catalogue catalogue;

    Observing(Engine engine, String target) {
        this.engine = engine;
        this.observer = new Observer(engine, target);
    }

    /** Every VM, with the catalogue read anew. */
    List<Observed> all() throws TargetException {
        fresh();
        List<Observed> out = new ArrayList<>();
        for (EngineVm vm : engine.vms()) {
            out.add(observer.observe(vm, this));
        }
        return out;
    }

    Optional<Observed> one(String name) throws TargetException {
        Optional<EngineVm> vm = engine.vm(name);
        return vm.isEmpty() ? Optional.empty() : Optional.of(observer.observe(vm.get(), this));
    }

    Observed require(String name, String target) throws TargetException {
        return one(name).orElseThrow(() -> new TargetException(Reason.NOT_FOUND, name + ": no such VM on target "
                + target));
    }

    /** The profiles last read, for the questions {@link OvirtCapabilities} answers without an engine at hand. */
    Profiles profiles() {
        Observer.Catalogue kept = catalogue;
        return kept == null ? Profiles.NONE : kept.profiles();
    }

    @Override
    public Observer.Catalogue current() throws TargetException {
        Observer.Catalogue kept = catalogue;
        return kept != null ? kept : fresh();
    }

    @Override
    public Observer.Catalogue fresh() throws TargetException {
        Observer.Catalogue read = new Observer.Catalogue(new Profiles(engine.profiles()), engine.clusters());
        catalogue = read;
        return read;
    }
}
