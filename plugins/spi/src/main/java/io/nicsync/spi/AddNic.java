package io.nicsync.spi;

import java.util.Objects;
import java.util.Optional;

/** Plug a NIC into the running VM (hotplug). The persistent definition is {@link PersistNic}'s concern. */
public record AddNic(VmRef vm, NicSpec spec, String reason) implements Step {
    public AddNic {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public Action action() {
        return Action.ADD;
    }

    @Override
    public Optional<Step> inverse() {
        return Optional.of(new UnplugNic(vm, spec, "undo: " + reason));
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return Nics.find(live, spec).map(LiveNic::live).filter(l -> Nics.satisfies(l, spec)).isPresent();
    }

    @Override
    public String nic() {
        return spec.label();
    }
}
