package io.nicsync.serve;

import java.time.Duration;

/** One cycle at a time, forever: run, wait as {@link Pacing} says (or until woken), run again, until stopped. */
final class ServeLoop implements Runnable {

    /** One cycle; true when it succeeded. */
    @FunctionalInterface
    interface Cycle {
        boolean run() throws InterruptedException;
    }

    /** Waits between cycles; injected so that tests of the pacing take no time. */
    interface Waiter {
        /** Waits up to {@code wait}, less when woken; false once the loop must stop. */
        boolean await(Duration wait) throws InterruptedException;

        /** False once the loop must stop. */
        boolean running();
    }

    private final Cycle cycle;
    private final Pacing pacing;
    private final Waiter waiter;

    ServeLoop(Cycle cycle, Pacing pacing, Waiter waiter) {
        this.cycle = cycle;
        this.pacing = pacing;
        this.waiter = waiter;
    }

    @Override
    public void run() {
        try {
            while (waiter.running() && waiter.await(pacing.next(cycle.run()))) {
                // the next cycle
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
