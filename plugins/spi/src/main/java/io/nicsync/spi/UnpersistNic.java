package io.nicsync.spi;

import java.util.Objects;
import java.util.Optional;

/** Remove a NIC from the persistent definition. {@code spec} is the entry as observed, for the inverse. */
public record UnpersistNic(VmRef vm, NicSpec spec, String reason) implements Step {
    public UnpersistNic {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public Action action() {
        return Action.UNPERSIST;
    }

    @Override
    public Optional<Step> inverse() {
        return Optional.of(new PersistNic(vm, spec, null, "undo: " + reason));
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return Nics.find(live, spec).map(LiveNic::persistent).isEmpty();
    }

    @Override
    public String nic() {
        return spec.label();
    }
}
