package io.nicsync.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Write a NIC into the persistent definition (libvirt config, KubeVirt VM template), adding it or replacing
 * the entry there.
 *
 * @param previous the persistent entry as observed when the plan was made, null when there was none
 */
public record PersistNic(VmRef vm, NicSpec spec, NicSpec previous, String reason) implements Step {
    public PersistNic {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public Action action() {
        return Action.PERSIST;
    }

    @Override
    public Optional<Step> inverse() {
        String undo = "undo: " + reason;
        return Optional.of(previous == null
                ? new UnpersistNic(vm, spec, undo)
                : new PersistNic(vm, previous, spec, undo));
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return Nics.find(live, spec).map(Nics::persistent).filter(p -> Nics.satisfies(p, spec)).isPresent();
    }

    @Override
    public String nic() {
        return spec.label();
    }
}
