package io.nicsync.notify;

import io.nicsync.apply.Sleeper;
import io.nicsync.reconcile.CycleListener;
import io.nicsync.reconcile.RunReport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Tells people about a cycle that changed VMs or failed, on each configured {@link Endpoint}. Never in the cycle's
 * way: {@link #finished} only queues the messages on an {@link Outbox}, whose thread sends them with bounded retries
 * ({@link Delivery}). The same failure again and again (an unreachable repository while {@code serve} backs off) is
 * told once, until a cycle ends otherwise.
 */
public final class Notifier implements CycleListener, AutoCloseable {

    /**
     * @param attempts tries per message and endpoint, the first included
     * @param firstBackoff the wait before the second try, doubled before each further one
     * @param timeout how long one try waits for an answer
     * @param queue how many messages may wait; more are dropped and counted
     */
    public record Settings(List<Endpoint> endpoints, int attempts, Duration firstBackoff, Duration timeout, int queue) {
        public Settings {
            endpoints = List.copyOf(endpoints);
            if (attempts < 1 || queue < 1) {
                throw new IllegalArgumentException("attempts and queue must be at least 1");
            }
        }

        /** Four tries 2, 4 and 8 s apart, 10 s for an answer, 100 messages waiting at most. */
        public static Settings of(List<Endpoint> endpoints) {
            return new Settings(endpoints, 4, Duration.ofSeconds(2), Duration.ofSeconds(10), 100);
        }
    }

    private final Settings settings;
    private final String host;
    private final Outbox outbox;
    private final HttpClient client;
    private final Delivery delivery;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private String lastFailureTold;

    /** @param host this process's host or pod, named in each message */
    public Notifier(Settings settings, String host, Sleeper sleeper, Consumer<String> log) {
        this.settings = settings;
        this.host = host;
        this.outbox = new Outbox("nicsync-notify", settings.queue());
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.delivery = new Delivery(client, settings, sleeper, log);
    }

    @Override
    public void finished(RunReport report) {
        Message.Event event = Message.eventOf(report);
        if (event == null || settings.endpoints().isEmpty()) {
            rememberFailure(null);
            return;
        }
        if (event == Message.Event.FAILED) {
            String failure = report.outcome().label() + ": " + report.error();
            if (report.applied() == null && !rememberFailure(failure)) {
                return; // told already
            }
        } else {
            rememberFailure(null);
        }
        for (Endpoint endpoint : settings.endpoints()) {
            byte[] body = Message.body(endpoint.format(), event, report, host);
            outbox.offer(() -> deliver(endpoint, body));
        }
    }

    /** Whether {@code failure} is new (null: the failures are over); remembers it. */
    private synchronized boolean rememberFailure(String failure) {
        boolean fresh = failure == null || !failure.equals(lastFailureTold);
        lastFailureTold = failure;
        return fresh;
    }

    private void deliver(Endpoint endpoint, byte[] body) {
        try {
            (delivery.send(endpoint, body) ? sent : failed).incrementAndGet();
        } catch (InterruptedException e) {
            failed.incrementAndGet();
            Thread.currentThread().interrupt();
        }
    }

    /** Messages an endpoint took. */
    public long sent() {
        return sent.get();
    }

    /** Messages given up on after their tries. */
    public long failed() {
        return failed.get();
    }

    /** Messages dropped because the queue was full. */
    public long dropped() {
        return outbox.dropped();
    }

    /** Lets queued messages go out for up to {@code grace}, then stops. */
    public void close(Duration grace) throws InterruptedException {
        outbox.close(grace);
        client.shutdownNow(); // close() would wait for a receiver that never answers

    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ZERO);
    }
}
