package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.TargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads instances into {@link Observer.Observed} values: one query for the instances, and, only when some carry
 * ledger entries, one query for the jobs since the oldest of them, to drop the entries a restart has ended.
 * Remembers each observation for the capabilities.
 */
final class Observing {
    private final Cluster cluster;
    private final Supplier<ClusterFacts> facts;
    private final GanetiCapabilities capabilities;

    Observing(Cluster cluster, Supplier<ClusterFacts> facts, GanetiCapabilities capabilities) {
        this.cluster = cluster;
        this.facts = facts;
        this.capabilities = capabilities;
    }

    List<Observer.Observed> all() throws TargetException {
        return observe(cluster.instances());
    }

    Optional<Observer.Observed> one(String name) throws TargetException {
        return observe(cluster.instance(name).stream().toList()).stream().findFirst();
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
