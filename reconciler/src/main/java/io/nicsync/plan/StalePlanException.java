package io.nicsync.plan;

import java.util.List;

/** A saved plan no longer describes the VMs it covers; it must be made again, not applied. */
public final class StalePlanException extends Exception {
    private final transient List<StaleCheck.ChangedVm> changed;

    StalePlanException(StaleCheck.Stale stale) {
        super(stale.message());
        this.changed = stale.changed();
    }

    public List<StaleCheck.ChangedVm> changed() {
        return changed;
    }
}
