package io.nicsync.serve;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the loop waits on between cycles: the wait runs out, or a push asks for a run now, or the server stops.
 * Requests coalesce: any number of them while a cycle runs or the loop waits make exactly one more cycle.
 */
final class Wakeups implements ServeLoop.Waiter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean requested;
    private boolean stopped;

    /** Asks for a cycle now; one already asked for and not yet started absorbs this one. */
    void request() {
        lock.lock();
        try {
            requested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean stopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long left = wait.toNanos();
            while (!requested && !stopped && left > 0) {
                left = changed.awaitNanos(left);
            }
            requested = false;
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean running() {
        return !stopped();
    }
}
