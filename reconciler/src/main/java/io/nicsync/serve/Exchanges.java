package io.nicsync.serve;

import io.nicsync.guard.Watchdog;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Where the HTTP server runs each request: a virtual thread of its own, so that a client sending its request a byte
 * at a time holds one cheap thread and never the thread a probe needs, under a deadline from its first byte until
 * its handler has read it whole (headers and body). At the deadline the thread is interrupted, which closes the
 * connection it is reading from. A handler calls {@link #requestRead()} once it has read its request.
 */
final class Exchanges implements Executor {
    private static final ThreadLocal<Watchdog.Alarm> DEADLINE = new ThreadLocal<>();

    private final Duration requestTimeout;

    Exchanges(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void execute(Runnable exchange) {
        Thread.ofVirtual().name("nicsync-http").start(() -> {
            Watchdog.Alarm alarm = Watchdog.arm(Thread.currentThread(), requestTimeout);
            DEADLINE.set(alarm);
            try {
                exchange.run();
            } finally {
                alarm.disarm();
                DEADLINE.remove();
            }
        });
    }

    /**
     * Ends the request's deadline: the handler has read the request and now answers it. False when the deadline had
     * passed first: the connection is closed, and the handler has nobody to answer.
     */
    static boolean requestRead() {
        Watchdog.Alarm alarm = DEADLINE.get();
        return alarm == null || !alarm.disarm();
    }
}
