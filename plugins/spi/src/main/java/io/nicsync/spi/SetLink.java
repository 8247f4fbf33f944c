package io.nicsync.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Set the carrier of a plugged NIC. When {@code persistent} is true the persistent definition gets the same
 * link state, so the NIC comes back the same way after a restart.
 */
public record SetLink(VmRef vm, NicSpec spec, LinkState from, LinkState to, boolean persistent, String reason)
        implements Step {
    public SetLink {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Action action() {
        return Action.SET_LINK;
    }

    @Override
    public Optional<Step> inverse() {
        return Optional.of(new SetLink(vm, spec.withLink(to), to, from, persistent, "undo: " + reason));
    }

    @Override
    public boolean verifiedBy(LiveVm live) {
        return Nics.find(live, spec)
                .filter(n -> n.live() != null && n.live().link() == to)
                .filter(n -> !persistent || n.persistent() == null || n.persistent().link() == to)
                .isPresent();
    }

    @Override
    public String nic() {
        return spec.label();
    }
}
