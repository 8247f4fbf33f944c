package io.nicsync.guard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deadlines on work that waits for someone else (a client sending a request, a Git server sending a pack, a
 * platform answering): at its deadline the thread doing it is interrupted, which closes the socket it is blocked
 * on (for a channel, and for any socket in a virtual thread) so that the wait ends with an exception. The work
 * disarms its {@link Alarm} when the part that may be cut is over; {@link Alarm#disarm()} then says whether it was
 * cut, and leaves no interrupt behind for the thread's later work.
 *
 * <pre>{@code
 * try (Watchdog.Alarm alarm = Watchdog.arm(Thread.currentThread(), Duration.ofSeconds(10))) {
 *     readRequest();
 *     if (alarm.disarm()) { ... it was cut: its exception says how ... }
 * }
 * }</pre>
 */
public final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("nicsync-watchdog").daemon().factory());

    private Watchdog() {
    }

    /** Interrupts {@code thread} after {@code timeout} unless the returned alarm is disarmed first. */
    public static Alarm arm(Thread thread, Duration timeout) {
        Alarm alarm = new Alarm(thread);
        alarm.timer = TIMER.schedule(alarm::fire, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        return alarm;
    }

    /** One deadline on one thread. */
    public static final class Alarm implements AutoCloseable {
        private static final int ARMED = 0;
        private static final int FIRING = 1;
        private static final int FIRED = 2;
        private static final int DISARMED = 3;
        /** Fired, and the owner has been told (and its interrupt cleared). */
        private static final int SEEN = 4;

        private final Thread thread;
        private final AtomicInteger state = new AtomicInteger(ARMED);
        private volatile ScheduledFuture<?> timer;

        private Alarm(Thread thread) {
            this.thread = thread;
        }

        private void fire() {
            if (state.compareAndSet(ARMED, FIRING)) {
                thread.interrupt();
                state.set(FIRED);
            }
        }

        /** Whether the deadline passed and the thread was interrupted; it stays so once it is. */
        public boolean fired() {
            int s = state.get();
            return s == FIRING || s == FIRED || s == SEEN;
        }

        /**
         * Ends the deadline. True when it had passed first: the thread was interrupted, and when the caller is that
         * thread its interrupt is cleared here (the exception it caused is how the work ended).
         */
        public boolean disarm() {
            if (state.compareAndSet(ARMED, DISARMED)) {
                ScheduledFuture<?> t = timer;
                if (t != null) {
                    t.cancel(false);
                }
                return false;
            }
            while (state.get() == FIRING) {
                Thread.onSpinWait(); // the timer is between its decision and the interrupt: let it land first
            }
            if (state.compareAndSet(FIRED, SEEN) && Thread.currentThread() == thread) {
                Thread.interrupted(); // once: a later interrupt of the same thread is someone else's
            }
            return state.get() == SEEN;
        }

        @Override
        public void close() {
            disarm();
        }
    }
}
