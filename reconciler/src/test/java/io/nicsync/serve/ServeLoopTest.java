package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop: a cycle, the wait Pacing says, the next cycle; pushes coalesce; stopping ends it. */
class ServeLoopTest {

    /** Records every wait it is asked for and returns at once; stops the loop after {@code cycles} waits. */
    private static final class RecordingWaiter implements ServeLoop.Waiter {
        final List<Duration> waits = new ArrayList<>();
        private final int cycles;

        RecordingWaiter(int cycles) {
            this.cycles = cycles;
        }

        @Override
        public boolean await(Duration wait) {
            waits.add(wait);
            return waits.size() < cycles;
        }

        @Override
        public boolean running() {
            return waits.size() < cycles;
        }
    }

    @Test
    void eachCycleIsFollowedByTheWaitItsOutcomeCallsFor() {
        boolean[] outcomes = {false, false, false, true, false};
        AtomicInteger cycle = new AtomicInteger();
        RecordingWaiter waiter = new RecordingWaiter(outcomes.length);
        Pacing pacing = new Pacing(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(30), () -> 0.5);

        new ServeLoop(() -> outcomes[cycle.getAndIncrement()], pacing, waiter).run();

        assertThat(cycle).hasValue(5);
        assertThat(waiter.waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(10));
    }

    @Test
    void requestsWhileACycleRunsMakeExactlyOneMoreCycle() throws Exception {
        Wakeups wakeups = new Wakeups();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger cycles = new AtomicInteger();
        Pacing hour = new Pacing(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), () -> 0.5);
        Thread loop = Thread.ofPlatform().start(new ServeLoop(() -> {
            int n = cycles.incrementAndGet();
            if (n == 1) {
                firstRunning.countDown();
                releaseFirst.await();
            } else {
                secondDone.countDown();
            }
            return true;
        }, hour, wakeups));

        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) {
            wakeups.request();
        }
        releaseFirst.countDown();
        assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
        wakeups.stop();
        loop.join(10_000);

        assertThat(loop.isAlive()).isFalse();
        assertThat(cycles).hasValue(2); // the hour-long wait was never over: only the coalesced request ran
    }

    @Test
    void aStoppedWaiterEndsTheWaitAtOnceAndRefusesTheNextCycle() throws Exception {
        Wakeups wakeups = new Wakeups();
        wakeups.stop();
        assertThat(wakeups.await(Duration.ofHours(1))).isFalse();
        assertThat(wakeups.running()).isFalse();
    }
}
