package io.nicsync.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The NICs one VM must have, as declared by one {@code VmNics} document. */
public record DesiredVm(VmRef ref, UnmanagedPolicy unmanaged, List<DesiredNic> nics) {
    public DesiredVm {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(unmanaged, "unmanaged");
        nics = List.copyOf(nics);
    }

    public Optional<DesiredNic> nic(String name) {
        return nics.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
