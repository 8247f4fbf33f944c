package io.nicsync.plan;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveVm;
import java.util.Objects;

/** One VM to plan: what it should have, what it has, and what its target can change live. */
public record PlanInput(DesiredVm desired, LiveVm live, Capabilities capabilities) {
    public PlanInput {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(capabilities, "capabilities");
        if (!desired.ref().equals(live.ref())) {
            throw new IllegalArgumentException("desired " + desired.ref() + " paired with observed " + live.ref());
        }
    }
}
