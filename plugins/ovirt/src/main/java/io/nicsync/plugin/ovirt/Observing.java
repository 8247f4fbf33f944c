package io.nicsync.plugin.ovirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads VMs, with the catalogue that names their networks read alongside, and keeps the profiles last read for the
 * questions {@link OvirtCapabilities} answers without an engine at hand.
 */
final class Observing {
    private final Engine engine;
    private final Observer observer;
    private volatile Profiles profiles = Profiles.NONE;

    Observing(Engine engine, String target) {
        this.engine = engine;
        this.observer = new Observer(engine, target);
    }

    List<Observed> all() throws TargetException {
        Observer.Catalogue catalogue = catalogue();
        List<Observed> out = new ArrayList<>();
        for (EngineVm vm : engine.vms()) {
            out.add(observer.observe(vm, catalogue));
        }
        return out;
    }

    Optional<Observed> one(String name) throws TargetException {
        Optional<EngineVm> vm = engine.vm(name);
        return vm.isEmpty() ? Optional.empty() : Optional.of(observer.observe(vm.get(), catalogue()));
    }

    Observed require(String name, String target) throws TargetException {
        return one(name).orElseThrow(() -> new TargetException(Reason.NOT_FOUND, name + ": no such VM on target "
                + target));
    }

    Profiles profiles() {
        return profiles;
    }

    private Observer.Catalogue catalogue() throws TargetException {
        profiles = new Profiles(engine.profiles());
        return new Observer.Catalogue(profiles, engine.clusterDataCenters());
    }
}
