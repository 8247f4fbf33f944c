package io.nicsync.spi;

import java.util.Objects;
import java.util.Optional;

/** Move a plugged NIC to another network without unplugging it (libvirt update-device; KubeVirt NAD change). */
public record RepointNic(VmRef vm, NicSpec spec, NetworkRef from, NetworkRef to, String reason) implements Step {
    public RepointNic {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Action action() {
        return Action.REPOINT;
    }

    @Override
    public Optional<Step> inverse() {
        return Optional.of(new RepointNic(vm, spec.withNetwork(to), to, from, "undo: " + reason));
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return Nics.find(live, spec).map(LiveNic::live).filter(l -> l.network().equals(to)).isPresent();
    }

    @Override
    public String nic() {
        return spec.label();
    }
}
