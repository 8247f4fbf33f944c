package io.nicsync.loop;

import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.stream.Collectors;

/** Desired VMs that their targets do not have. nicsync changes NICs; it never creates VMs. */
public final class MissingVmsException extends RunFailure {
    private final List<VmRef> missing;

    MissingVmsException(List<VmRef> missing) {
        super(missing.size() + " desired VM(s) not found on their targets: "
                + missing.stream().map(VmRef::toString).collect(Collectors.joining(", "))
                + " (nicsync changes the NICs of existing VMs; it does not create VMs)", null);
        this.missing = List.copyOf(missing);
    }

    public List<VmRef> missing() {
        return missing;
    }
}
