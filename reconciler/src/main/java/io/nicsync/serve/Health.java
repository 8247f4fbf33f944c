package io.nicsync.serve;

import io.nicsync.reconcile.CyclePhase;
import io.nicsync.reconcile.Progress;
import io.nicsync.reconcile.RunReport;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code /healthz} (liveness) and {@code /readyz} (readiness) answer, from when the last cycle finished and what
 * the loop is doing now.
 *
 * <ul>
 *   <li>Live unless the loop has stopped, or a cycle has been planning for longer than its deadline plus
 *       {@link #STUCK_GRACE} (its cut did not work: a restart is the way out), or no cycle has finished for longer
 *       than the {@link #staleAfter readiness limit} plus that grace. Recovering and applying never count as stuck:
 *       their steps have timeouts, and a restart then would leave VMs half-changed.
 *   <li>Ready once a cycle has finished, and while the last one finished within {@link #staleAfter}: the longest
 *       wait between two cycles (the interval or the longest backoff, with jitter) plus the cycle deadline.
 * </ul>
 */
final class Health {
    /** How far past its limit the loop may be before it counts as stuck. */
    static final Duration STUCK_GRACE = Duration.ofMinutes(1);

    /** An answer: its status code and one line. */
    record Answer(int status, String text) {
    }

    private final Duration staleAfter;
    private final Duration cycleTimeout;

    /** @param longestWait the interval or the longest backoff, whichever is longer */
    Health(Duration longestWait, Duration cycleTimeout) {
        this.staleAfter = longestWait.multipliedBy(11).dividedBy(10).plus(cycleTimeout);
        this.cycleTimeout = cycleTimeout;
    }

    Duration staleAfter() {
        return staleAfter;
    }

    Answer live(Progress progress, boolean loopRunning, Instant now) {
        if (!loopRunning) {
            return new Answer(503, "the reconcile loop has stopped" + last(progress.last(), now));
        }
        Duration inPhase = Duration.between(progress.since(), now);
        if (progress.phase() == CyclePhase.PLANNING && inPhase.compareTo(cycleTimeout.plus(STUCK_GRACE)) > 0) {
            return new Answer(503, "stuck: a cycle has been planning for " + seconds(inPhase) + ", past its deadline of "
                    + seconds(cycleTimeout));
        }
        if (progress.phase() == CyclePhase.IDLE && progress.last() != null
                && inPhase.compareTo(staleAfter.plus(STUCK_GRACE)) > 0) {
            return new Answer(503, "stuck: no cycle for " + seconds(inPhase) + " (limit " + seconds(staleAfter.plus(
                    STUCK_GRACE)) + ")" + last(progress.last(), now));
        }
        return new Answer(200, "ok: " + doing(progress, now) + last(progress.last(), now));
    }

    Answer ready(Progress progress, boolean loopRunning, Instant now) {
        RunReport last = progress.last();
        if (!loopRunning) {
            return new Answer(503, "the reconcile loop has stopped");
        }
        if (last == null) {
            return new Answer(503, "not ready: no cycle has finished yet; " + doing(progress, now));
        }
        Duration age = Duration.between(last.finishedAt(), now);
        if (age.compareTo(staleAfter) > 0) {
            return new Answer(503, "not ready: the last cycle finished " + seconds(age) + " ago (limit "
                    + seconds(staleAfter) + "); " + doing(progress, now));
        }
        return new Answer(200, "ready" + last(last, now));
    }

    private static String doing(Progress progress, Instant now) {
        String since = seconds(Duration.between(progress.since(), now));
        return switch (progress.phase()) {
            case IDLE -> "waiting for the next cycle";
            case RECOVERING -> "recovering interrupted runs for " + since;
            case PLANNING -> "a cycle has been reading and planning for " + since;
            case APPLYING -> "a cycle has been applying for " + since;
        };
    }

    /** {@code ; last cycle finished 3 s ago: error (fetching ... was cut)}, or nothing before the first. */
    private static String last(RunReport last, Instant now) {
        if (last == null) {
            return "";
        }
        return "; last cycle finished " + seconds(Duration.between(last.finishedAt(), now)) + " ago: "
                + last.outcome().label() + (last.error() == null ? "" : " (" + last.error().replace('\n', ' ') + ")");
    }

    static String seconds(Duration d) {
        return Math.max(0, d.toSeconds()) + " s";
    }
}
