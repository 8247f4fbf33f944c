package io.nicsync.cluster;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Which targets this replica of {@code nicsync serve} may apply to: those whose shard's Lease it holds. One
 * fabric8 {@code LeaderElector} per shard; every replica contends for every shard.
 *
 * <p>Spreading: a replica asks for the shards in its own order ({@link Shards#preferenceOrder}, different for
 * each pod name), one more every {@code stagger}. Replicas that start together therefore first take different
 * shards; a shard whose holder stops goes to whichever replica tries first once its Lease expires (at once when
 * the holder released it on a clean shutdown). The spread is not rebalanced later: it only needs to be good,
 * while "at most one holder per shard" is what the Leases guarantee.
 *
 * <p>A caller checks {@link #owns} before each run on a target and skips targets it does not own. A run in
 * progress when the shard is lost finishes its current steps; the per-target journal and the next owner's
 * plan (made from the live state) cover a run that is cut off.
 *
 * <pre>{@code
 * Optional<LeadershipSettings> sharded = LeadershipSettings.fromEnvironment(System.getenv());
 * try (ShardLeadership leadership = ShardLeadership.start(client, sharded.orElseThrow(), ShardListener.NONE)) {
 *     targets.stream().filter(leadership::owns).forEach(this::reconcile);   // before every run
 * }
 * }</pre>
 */
public final class ShardLeadership implements Predicate<String>, AutoCloseable {
    private final LeadershipSettings settings;
    private final ShardListener listener;
    private final KubernetesClient client;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final List<ShardElector> electors = new ArrayList<>();
    private final Set<Integer> owned = new TreeSet<>();
    private boolean closed;

    private ShardLeadership(KubernetesClient base, LeadershipSettings settings, ShardListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.client = electionClient(base, settings.retryPeriod());
        this.executor = Executors.newCachedThreadPool(threads("nicsync-election-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads("nicsync-election-timer-"));
    }

    /** Starts contending for every shard; returns at once, owning nothing yet. */
    public static ShardLeadership start(KubernetesClient client, LeadershipSettings settings, ShardListener listener) {
        ShardLeadership leadership = new ShardLeadership(client, settings, listener);
        List<Integer> order = Shards.preferenceOrder(settings.identity(), settings.shards());
        for (int rank = 0; rank < order.size(); rank++) {
            ShardElector elector = new ShardElector(order.get(rank), settings, leadership.client,
                    leadership.executor, leadership.scheduler, leadership.new Ownership());
            leadership.electors.add(elector);
            elector.startAfter(settings.stagger().multipliedBy(rank));
        }
        return leadership;
    }

    /**
     * A client of its own for the election: a request that does not return within one retry period fails and
     * is not retried, so that a holder cut off from the API server notices its renew deadline in time.
     */
    private static KubernetesClient electionClient(KubernetesClient base, Duration retryPeriod) {
        int millis = (int) retryPeriod.toMillis();
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(base.getConfiguration())
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout(millis)
                .withConnectionTimeout(millis)
                .build()).build();
    }

    /** Whether this replica may apply to the target now. */
    public synchronized boolean owns(String target) {
        return owned.contains(shardOf(target));
    }

    @Override
    public boolean test(String target) {
        return owns(target);
    }

    public int shardOf(String target) {
        return Shards.of(target, settings.shards());
    }

    public synchronized Set<Integer> ownedShards() {
        return Set.copyOf(owned);
    }

    public String identity() {
        return settings.identity();
    }

    /**
     * Gives every shard up: {@code owns} answers false and the listener hears {@link ShardListener#lost} before
     * the Leases are released, so another replica can take over at once.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (int shard : List.copyOf(owned)) {
                owned.remove(shard);
                listener.lost(shard);
            }
        }
        electors.forEach(ShardElector::close);
        scheduler.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(settings.retryPeriod().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    /** The electors' reports, kept consistent with {@link #owns} and told to the listener in order. */
    private final class Ownership implements ShardListener {
        @Override
        public void gained(int shard) {
            synchronized (ShardLeadership.this) {
                if (!closed && owned.add(shard)) {
                    listener.gained(shard);
                }
            }
        }

        @Override
        public void lost(int shard) {
            synchronized (ShardLeadership.this) {
                if (owned.remove(shard)) {
                    listener.lost(shard);
                }
            }
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
