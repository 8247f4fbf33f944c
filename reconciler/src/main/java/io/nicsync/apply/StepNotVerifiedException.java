package io.nicsync.apply;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;

/**
 * The platform accepted a step but the VM did not show its effect within the step timeout: Terraform's
 * "inconsistent result after apply". Its own type, because the step may or may not have taken effect.
 */
public final class StepNotVerifiedException extends Exception {
    private final transient LiveVm lastSeen;

    StepNotVerifiedException(Step step, LiveVm lastSeen, java.time.Duration timeout) {
        super(step.vm() + (step.nic() == null ? "" : "/" + step.nic()) + ": " + describe(step)
                + " was accepted but not seen on the VM within " + timeout.toSeconds() + "s");
        this.lastSeen = lastSeen;
    }

    private static String describe(Step step) {
        return step.getClass().getSimpleName();
    }

    public LiveVm lastSeen() {
        return lastSeen;
    }
}
