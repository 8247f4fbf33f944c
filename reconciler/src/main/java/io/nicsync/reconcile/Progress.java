package io.nicsync.reconcile;

import java.time.Instant;

/**
 * What the reconciler is doing now and how its last cycle ended, readable at any time.
 *
 * @param since when {@code phase} began (for {@link CyclePhase#IDLE}, when the last cycle finished or the reconciler
 *     was made)
 * @param last the last cycle this process finished; null before the first
 */
public record Progress(CyclePhase phase, Instant since, RunReport last) {
}
