package io.nicsync.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes that cannot be made live have been made in the persistent definition only; they take effect when
 * the VM restarts. Executed (a restart) only when the policy allows restarts; otherwise the plan reports it. Where the
 * platform keeps no pending change ({@link Capabilities#stagesForRestart} is false), the restart itself makes the
 * changes while the VM is down.
 *
 * @param pending the NIC configurations the restart brings into the running VM
 */
public record RestartRequired(VmRef vm, List<NicSpec> pending, String reason) implements Step {
    public RestartRequired {
        Objects.requireNonNull(vm, "vm");
        pending = List.copyOf(pending);
    }

    @Override
    public Action action() {
        return Action.RESTART_REQUIRED;
    }

    @Override
    public Optional<Step> inverse() {
        return Optional.empty();
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return live.power() == PowerState.RUNNING
                && pending.stream().allMatch(n -> Nics.find(live, n).map(LiveNic::live)
                        .filter(l -> Nics.satisfies(l, n)).isPresent());
    }

    @Override
    public String nic() {
        return null;
    }
}
