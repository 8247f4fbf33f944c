package io.nicsync.notify;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work that must never hold up a reconcile cycle (notifications, Kubernetes Events): one thread of its own behind a
 * bounded queue. When the queue is full, what is offered is dropped and counted, never waited for: a receiver that
 * hangs costs notifications, not cycles.
 */
public final class Outbox implements AutoCloseable {
    private final ThreadPoolExecutor worker;
    private final AtomicLong dropped = new AtomicLong();

    /** @param capacity how many tasks may wait while one runs */
    public Outbox(String name, int capacity) {
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                Thread.ofPlatform().name(name).daemon().factory(), (task, executor) -> {
                    throw new RejectedExecutionException();
                });
    }

    /** Queues {@code task}; false, and counted as dropped, when the queue is full or the outbox closed. */
    public boolean offer(Runnable task) {
        try {
            worker.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
            return false;
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /**
     * Takes no more tasks and waits up to {@code grace} for the queued ones (a process about to exit, such as
     * {@code reconcile --once}, lets its last notification go out); what is left then is abandoned.
     */
    public void close(Duration grace) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ZERO);
    }
}
