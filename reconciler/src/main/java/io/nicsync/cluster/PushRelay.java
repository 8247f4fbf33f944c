package io.nicsync.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Passes a push webhook on to every replica. A webhook reaches one replica through the Service, but the pushed
 * commit concerns the targets of every shard: the replica that took it marks the Lease {@code PREFIX-push}
 * (the annotation {@value #PUSH} gets a new value), and every replica, polling that Lease once a retry period,
 * starts a cycle when the mark moved. Leases are what the replicas already read and write for the election, so
 * this needs no permission beyond the election's (get, create, patch on Leases in the namespace).
 *
 * <p>A missed poll only delays a run to the next mark or the replica's next interval; it never loses one, since
 * each replica also reconciles on its own interval.
 */
public final class PushRelay implements AutoCloseable {
    /** The annotation whose value changes with every relayed push. */
    public static final String PUSH = "nicsync.io/push";
    static final String REF = "nicsync.io/ref";

    private final String name;
    private final Resource<Lease> lease;
    private final String identity;
    private final Runnable onPush;
    private final Consumer<String> log;
    private final ScheduledExecutorService poller;
    /** Touched by the poller thread only. */
    private String seen;
    private boolean first = true;

    private PushRelay(KubernetesClient client, LeadershipSettings settings, Runnable onPush, Consumer<String> log) {
        this.name = settings.leasePrefix() + "-push";
        this.lease = client.resources(Lease.class).inNamespace(settings.namespace()).withName(name);
        this.identity = settings.identity();
        this.onPush = onPush;
        this.log = log;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("nicsync-push-relay").daemon().factory());
    }

    /**
     * Polls the push Lease every retry period; {@code onPush} runs when another replica relayed a push. The mark
     * found at the first poll is where this replica starts: it runs its first cycle anyway.
     */
    public static PushRelay start(KubernetesClient client, LeadershipSettings settings, Runnable onPush,
            Consumer<String> log) {
        PushRelay relay = new PushRelay(client, settings, onPush, log);
        long period = settings.retryPeriod().toMillis();
        relay.poller.scheduleWithFixedDelay(relay::poll, 0, period, TimeUnit.MILLISECONDS);
        return relay;
    }

    /** Tells the other replicas that {@code ref} was pushed; this replica has started its own run already. */
    public void announce(String ref) {
        String mark = identity + "/" + UUID.randomUUID();
        Map<String, String> annotations = Map.of(PUSH, mark, REF, ref == null ? "" : ref);
        try {
            if (lease.get() == null) {
                try {
                    lease.create(new LeaseBuilder()
                            .withNewMetadata().withName(name).withAnnotations(annotations).endMetadata()
                            .withNewSpec().withHolderIdentity(identity)
                            .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build());
                    return;
                } catch (KubernetesClientException e) {
                    if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                        throw e;
                    }
                    // another replica created it first: mark it as below
                }
            }
            lease.edit(l -> new LeaseBuilder(l).editMetadata().addToAnnotations(annotations).endMetadata()
                    .editOrNewSpec().withHolderIdentity(identity).withRenewTime(ZonedDateTime.now(ZoneOffset.UTC))
                    .endSpec().build());
        } catch (KubernetesClientException e) {
            log.accept("cannot pass the push on to the other replicas (they apply it at their next interval): "
                    + e.getMessage());
        }
    }

    private void poll() {
        String mark;
        try {
            Lease current = lease.get();
            mark = current == null || current.getMetadata().getAnnotations() == null ? null
                    : current.getMetadata().getAnnotations().get(PUSH);
        } catch (KubernetesClientException e) {
            return; // the next poll tries again; the interval covers a longer outage
        }
        // A mark of this replica's own is a push it took itself: its run has started already. Only the poll moves
        // what was seen, so a reading taken just before this replica's own mark landed triggers nothing either.
        boolean relayed = !first && mark != null && !Objects.equals(mark, seen)
                && !mark.startsWith(identity + "/");
        seen = mark == null ? seen : mark;
        first = false;
        if (relayed) {
            log.accept("A push relayed by " + mark.substring(0, Math.max(0, mark.lastIndexOf('/')))
                    + ": a run starts now");
            onPush.run();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
