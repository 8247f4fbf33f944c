package io.nicsync.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * @param parallelism VMs changed at once
 * @param maxFailedVms no new VM is started once this many have failed
 * @param stepTimeout how long one step may take, its verification included
 * @param allowRestart whether {@link io.nicsync.spi.RestartRequired} steps are executed or only reported
 */
public record ApplyOptions(int parallelism, int maxFailedVms, FailurePolicy onFailure, Duration stepTimeout,
        boolean allowRestart) {
    public ApplyOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (maxFailedVms < 1) {
            throw new IllegalArgumentException("maxFailedVms must be at least 1");
        }
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
    }
}
