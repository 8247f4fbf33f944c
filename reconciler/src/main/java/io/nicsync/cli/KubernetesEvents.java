package io.nicsync.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.nicsync.cluster.EventSettings;
import io.nicsync.cluster.WorkloadEvents;
import io.nicsync.notify.Outbox;
import io.nicsync.reconcile.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Kubernetes Events of {@code serve} and {@code reconcile --once} when they run in a pod ({@link EventSettings}): on
 * the VMs an apply changed (through their targets) and, for a failed cycle, on nicsync's Deployment or CronJob.
 * Written from one queue of their own, never from the cycle's thread.
 */
final class KubernetesEvents implements AutoCloseable {
    private final Outbox outbox;
    private final KubernetesClient client;

    private KubernetesEvents(Outbox outbox, KubernetesClient client) {
        this.outbox = outbox;
        this.client = client;
    }

    /** Plugs the Events into {@code reconciler}; none (null) outside a cluster or with NICSYNC_EVENTS=false. */
    static KubernetesEvents of(Reconciler reconciler, Map<String, String> env, Consumer<String> warn)
            throws UserError {
        Optional<EventSettings> settings;
        try {
            settings = EventSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new UserError("Kubernetes Events: " + e.getMessage());
        }
        if (settings.isEmpty()) {
            return null;
        }
        Outbox outbox = new Outbox("nicsync-events", 200);
        reconciler.announceOnTargets(outbox);
        KubernetesClient client = null;
        if (settings.get().workload() != null) {
            client = new KubernetesClientBuilder().build();
            reconciler.listener(new WorkloadEvents(client, settings.get(), outbox, Clock.systemUTC(), warn));
        }
        return new KubernetesEvents(outbox, client);
    }

    /** Lets queued Events go out for up to {@code grace}, then stops. */
    void close(Duration grace) throws InterruptedException {
        try {
            outbox.close(grace);
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ZERO);
    }
}
