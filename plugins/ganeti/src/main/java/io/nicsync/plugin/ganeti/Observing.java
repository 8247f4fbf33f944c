package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads instances into {@link Observer.Observed} values: one query for the instances, and, only when some carry
 * ledger entries, one query for the jobs since the oldest of them, to drop the entries a restart has ended.
 * Remembers each observation for the capabilities.
 *
 * <p>One instance is observed only once no job works on it any more: such a job can still change it (a step of a
 * nicsync run that was killed, whose Ganeti job went on), and an observation that a job then contradicts would let
 * a rollback call a step undone that is about to happen. Observing every instance, for a plan, does not wait:
 * applying a plan observes each VM again before it changes anything.
 */
final class Observing {
    private static final Duration JOBS_WAIT = Duration.ofSeconds(60);
    private static final Duration JOBS_POLL = Duration.ofMillis(500);

    private final Cluster cluster;
    private final Supplier<ClusterFacts> facts;
    private final GanetiCapabilities capabilities;
    private final Clock clock;
    private final Sleeper sleeper;

    Observing(Cluster cluster, Supplier<ClusterFacts> facts, GanetiCapabilities capabilities, Clock clock,
            Sleeper sleeper) {
        this.cluster = cluster;
        this.facts = facts;
        this.capabilities = capabilities;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    List<Observer.Observed> all() throws TargetException {
        return observe(cluster.instances());
    }

    Optional<Observer.Observed> one(String name) throws TargetException {
        awaitJobs(name);
        return observe(cluster.instance(name).stream().toList()).stream().findFirst();
    }

    private void awaitJobs(String name) throws TargetException {
        Instant giveUp = clock.instant().plus(JOBS_WAIT);
        List<Long> jobs = cluster.unfinishedJobsOf(name);
        while (!jobs.isEmpty()) {
            if (!clock.instant().isBefore(giveUp)) {
                throw new TargetException(Reason.TIMEOUT, name + ": Ganeti jobs " + jobs + " still work on the"
                        + " instance after " + JOBS_WAIT.toSeconds() + " s; it is observed once they are done");
            }
            try {
                sleeper.sleep(JOBS_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException(Reason.TIMEOUT, name + ": interrupted while Ganeti jobs " + jobs + " ran", e);
            }
            jobs = cluster.unfinishedJobsOf(name);
        }
    }

    private List<Observer.Observed> observe(List<Instance> instances) throws TargetException {
        long oldest = instances.stream().mapToLong(i -> Ledger.of(i.tags()).oldestJob()).min().orElse(Long.MAX_VALUE);
        JsonNode jobs = oldest == Long.MAX_VALUE ? null : cluster.jobsAfter(oldest);
        List<Observer.Observed> out = new ArrayList<>(instances.size());
        ClusterFacts now = facts.get();
        for (Instance instance : instances) {
            Ledger ledger = Ledger.of(instance.tags());
            if (!ledger.isEmpty()) {
                ledger = ledger.after(Restarts.lastRebuild(jobs, instance.name()));
            }
            Observer.Observed o = Observer.read(cluster.target(), instance, ledger, now);
            capabilities.remember(o);
            out.add(o);
        }
        return out;
    }
}
