package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a submitted job on {@code /2/jobs/ID} to its end. Every RAPI call that changes something answers with a
 * job id (a bare JSON number) at once; the change is done only when the job says {@code success}. Polls start at
 * 100 ms, since a NIC job takes 1 to 3 s, and back off to a second.
 */
final class Jobs {
    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    private final Rapi rapi;
    private final Clock clock;
    private final Sleeper sleeper;

    Jobs(Rapi rapi, Clock clock, Sleeper sleeper) {
        this.rapi = rapi;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The job id in a submit answer. */
    static long id(JsonNode submitted, String what) throws TargetException {
        if (submitted != null && (submitted.isIntegralNumber() || submitted.isTextual() && submitted.asText().matches("\\d+"))) {
            return submitted.asLong();
        }
        throw new TargetException(Reason.REFUSED, what + ": RAPI answered " + submitted + " instead of a job id");
    }

    /**
     * Waits for job {@code id} to end, until {@code deadline}.
     *
     * @param what the VM (and NIC) the job concerns, for messages
     * @throws TargetException TIMEOUT when the job is still queued or running at the deadline: it goes on in Ganeti
     */
    JobResult await(long id, Instant deadline, String what) throws TargetException {
        Duration poll = FIRST_POLL;
        while (true) {
            JsonNode job;
            try {
                job = rapi.get("/2/jobs/" + id);
            } catch (RapiException e) {
                throw Failures.of(what, e);
            }
            String status = Json.text(job.get("status"));
            if ("success".equals(status) || "error".equals(status) || "canceled".equals(status)) {
                return JobResult.of(job);
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new TargetException(Reason.TIMEOUT, what + ": Ganeti job " + id + " is still " + status
                        + " at the step's deadline; it goes on in Ganeti (gnt-job info " + id + ")");
            }
            Duration left = Duration.between(now, deadline);
            try {
                sleeper.sleep(poll.compareTo(left) < 0 ? poll : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException(Reason.TIMEOUT, what + ": interrupted while Ganeti job " + id + " ran", e);
            }
            poll = poll.multipliedBy(2).compareTo(MAX_POLL) < 0 ? poll.multipliedBy(2) : MAX_POLL;
        }
    }
}
