package io.nicsync.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Live-migrate the VM so that changes the platform can only make on a new host take effect (KubeVirt
 * without in-place hotplug). One migration carries all pending adds of the VM. It cannot be undone.
 *
 * @param carries the NICs the migration must bring into the running VM
 */
public record Migrate(VmRef vm, List<NicSpec> carries, String reason) implements Step {
    public Migrate {
        Objects.requireNonNull(vm, "vm");
        carries = List.copyOf(carries);
    }

    @Override
    public Action action() {
        return Action.MIGRATE;
    }

    @Override
    public Optional<Step> inverse() {
        return Optional.empty();
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return carries.stream().allMatch(n -> Nics.find(live, n).map(LiveNic::live).isPresent());
    }

    @Override
    public String nic() {
        return null;
    }
}
