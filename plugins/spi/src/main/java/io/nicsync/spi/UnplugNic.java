package io.nicsync.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Unplug a NIC from the running VM and wait until the guest has released it. {@code spec} is the NIC as it
 * was observed when the plan was made, so that the inverse can plug it back exactly as it was.
 */
public record UnplugNic(VmRef vm, NicSpec spec, String reason) implements Step {
    public UnplugNic {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public Action action() {
        return Action.UNPLUG;
    }

    @Override
    public Optional<Step> inverse() {
        return Optional.of(new AddNic(vm, spec, "undo: " + reason));
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return Nics.find(live, spec).map(LiveNic::live).isEmpty();
    }

    @Override
    public String nic() {
        return spec.label();
    }
}
