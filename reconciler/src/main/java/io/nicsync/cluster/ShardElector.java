package io.nicsync.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The election of one shard's Lease, kept going: fabric8's {@code LeaderElector} stops for good once it lost
 * its lease, so a new one is started after each loss until {@link #close}.
 */
final class ShardElector {
    private final int shard;
    private final LeadershipSettings settings;
    private final KubernetesClient client;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final ShardListener ownership;
    private CompletableFuture<?> running;
    private boolean closed;

    ShardElector(int shard, LeadershipSettings settings, KubernetesClient client, Executor executor,
            ScheduledExecutorService scheduler, ShardListener ownership) {
        this.shard = shard;
        this.settings = settings;
        this.client = client;
        this.executor = executor;
        this.scheduler = scheduler;
        this.ownership = ownership;
    }

    void startAfter(Duration delay) {
        schedule(() -> start(null), delay);
    }

    /** Starts an election unless closed or one replaced {@code previous} already. */
    private synchronized void start(CompletableFuture<?> previous) {
        if (closed || running != previous) {
            return;
        }
        LeaderCallbacks callbacks = new LeaderCallbacks(() -> ownership.gained(shard), this::stoppedLeading,
                holder -> {
                });
        var config = new LeaderElectionConfigBuilder()
                .withName(settings.leaseName(shard))
                .withLock(new LeaseLock(settings.namespace(), settings.leaseName(shard), settings.identity()))
                .withLeaseDuration(settings.leaseDuration())
                .withRenewDeadline(settings.renewDeadline())
                .withRetryPeriod(settings.retryPeriod())
                .withLeaderCallbacks(callbacks)
                .withReleaseOnCancel(true)
                .build();
        CompletableFuture<?> elector = new LeaderElectorBuilder(client, executor).withConfig(config).build().start();
        running = elector;
        elector.whenComplete((result, failure) -> restart(elector));
    }

    /**
     * Leadership lost: {@link ShardListener#lost} first, then a new election. fabric8 may not complete its future when the
     * API server cannot be reached while it steps down, so the loss itself starts the next election.
     */
    private void stoppedLeading() {
        ownership.lost(shard);
        CompletableFuture<?> current;
        synchronized (this) {
            current = running;
        }
        restart(current);
    }

    private void restart(CompletableFuture<?> stopped) {
        schedule(() -> {
            synchronized (this) {
                if (closed || running != stopped) {
                    return;
                }
            }
            // outside this lock: while stepping down, fabric8 holds its own and calls stoppedLeading
            stopped.cancel(true);
            start(stopped);
        }, settings.retryPeriod());
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Stops electing; a held Lease is released so that another replica takes the shard at once. */
    void close() {
        CompletableFuture<?> current;
        synchronized (this) {
            closed = true;
            current = running;
        }
        if (current != null) {
            current.cancel(true);
        }
    }
}
