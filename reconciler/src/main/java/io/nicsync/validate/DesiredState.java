package io.nicsync.validate;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the desired-state files declare, after validation: the configuration and every VM, in the
 * order of their files and documents.
 */
public record DesiredState(Config config, List<DesiredVm> vms) {
    public DesiredState {
        Objects.requireNonNull(config, "config");
        vms = List.copyOf(vms);
    }

    public Optional<DesiredVm> vm(VmRef ref) {
        return vms.stream().filter(v -> v.ref().equals(ref)).findFirst();
    }

    public List<DesiredVm> vmsOn(String target) {
        return vms.stream().filter(v -> v.ref().target().equals(target)).toList();
    }
}
