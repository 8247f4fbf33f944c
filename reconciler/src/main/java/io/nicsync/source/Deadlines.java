package io.nicsync.source;

import io.nicsync.guard.Watchdog;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A fetch, clone or push with a deadline from start to end. Git's own timeout bounds each read, so a server that
 * sends a byte now and then keeps a transfer alive for ever; here the transfer runs in a virtual thread of its own,
 * whose blocking socket reads an interrupt ends by closing the socket, and the {@link Watchdog} interrupts it at
 * the deadline.
 */
final class Deadlines {
    /** How long a cut transfer gets to unwind after its interrupt before it is left behind. */
    private static final Duration UNWIND = Duration.ofSeconds(10);

    private Deadlines() {
    }

    /** Work against a remote that throws the transfer's own exceptions. */
    @FunctionalInterface
    interface Transfer<T> {
        T run() throws Exception;
    }

    /**
     * {@code work}'s result, or a {@link SourceException.Reason#TIMEOUT} when it outlived {@code timeout}.
     *
     * @param what the transfer in words, such as {@code fetching https://git.example.org/nics.git}
     * @throws Exception what {@code work} threw
     */
    static <T> T within(Duration timeout, String what, Transfer<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>((Callable<T>) work::run);
        Thread thread = Thread.ofVirtual().name("nicsync-git-transfer").start(task);
        Watchdog.Alarm alarm = Watchdog.arm(thread, timeout);
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (alarm.fired()) {
                throw cut(timeout, what, e.getCause());
            }
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } catch (InterruptedException e) {
            // the caller's own deadline: the transfer ends with it
            thread.interrupt();
            awaitQuietly(task);
            throw e;
        } finally {
            alarm.disarm();
        }
    }

    private static SourceException cut(Duration timeout, String what, Throwable cause) {
        return new SourceException(SourceException.Reason.TIMEOUT, what + " took longer than " + seconds(timeout)
                + " and was cut (--fetch-timeout)", cause);
    }

    private static void awaitQuietly(FutureTask<?> task) {
        try {
            task.get(UNWIND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            // it ended, or it is left to end on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }
}
