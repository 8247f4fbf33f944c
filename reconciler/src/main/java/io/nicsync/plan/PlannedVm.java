package io.nicsync.plan;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.VmRef;
import java.util.Objects;

/** A VM the plan covers, as it was observed when the plan was made. A saved plan is refused once it changed. */
public record PlannedVm(VmRef vm, PowerState power, Fingerprint fingerprint) {
    public PlannedVm {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
