package io.nicsync.loop;

import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.FailurePolicy;
import io.nicsync.validate.Policy;
import java.time.Duration;

/**
 * Command-line settings that replace the repository's {@code policy:} for one run; null keeps the policy's.
 */
public record ApplyOverrides(Integer parallelism, FailurePolicy onFailure, Duration stepTimeout) {
    public static final ApplyOverrides NONE = new ApplyOverrides(null, null, null);

    /** The options an apply runs with under {@code policy}, these overrides applied. */
    public ApplyOptions resolve(Policy policy) {
        return new ApplyOptions(
                parallelism != null ? parallelism : policy.parallelism(),
                policy.maxFailedVms(),
                onFailure != null ? onFailure : FailurePolicy.valueOf(policy.onFailure().name()),
                stepTimeout != null ? stepTimeout : policy.stepTimeout(),
                policy.allowRestart());
    }
}
