package io.nicsync.plugin.kubevirt.sim;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the {@link Simulator} on a real clock: one {@link Simulator#tick()} every {@code interval}, on a
 * daemon thread, for code under test that waits with the system clock (the nicsync command line run in the
 * test's JVM). Simulated time runs {@link Simulator#TICK} per interval, so KubeVirt's delays pass quickly.
 *
 * <p>Tests must not call the simulator's mutating methods while it runs: set the cluster up first, then start
 * the ticker. A pass that loses a race with the client under test (HTTP 409 on a controller's update) is
 * left to the next pass, as KubeVirt's controllers requeue; any other failure stops the ticker and is
 * rethrown by {@link #close()}, so a broken simulation fails the test.
 */
public final class Ticker implements AutoCloseable {
    private final Thread thread;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private Ticker(Simulator sim, Duration interval) {
        thread = Thread.ofPlatform().daemon().name("kubevirt-sim-ticker").start(() -> loop(sim, interval));
    }

    public static Ticker start(Simulator sim, Duration interval) {
        return new Ticker(sim, interval);
    }

    private void loop(Simulator sim, Duration interval) {
        while (running) {
            try {
                sim.tick();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    failure.set(e);
                    return;
                }
            } catch (RuntimeException e) {
                failure.set(e);
                return;
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops ticking after the current pass; throws what stopped the simulation, if anything did. */
    @Override
    public void close() {
        // not interrupted: an HTTP call cut short would look like a failure of the simulation
        running = false;
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the simulated cluster failed while ticking", failed);
        }
    }
}
