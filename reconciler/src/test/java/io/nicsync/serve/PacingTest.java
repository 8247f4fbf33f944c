package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waits between cycles: the interval, jittered; after failures a doubling backoff, capped, reset by a success. */
class PacingTest {
    private static final Duration INTERVAL = Duration.ofMinutes(2);
    private static final Duration FIRST = Duration.ofSeconds(10);
    private static final Duration CAP = Duration.ofMinutes(10);

    @Test
    void afterASuccessTheIntervalSpreadByTenPercentEitherWay() {
        assertThat(pacing(0.5).next(true)).isEqualTo(INTERVAL);
        assertThat(pacing(0.0).next(true)).isEqualTo(Duration.ofSeconds(108));
        assertThat(pacing(0.999_999_999).next(true)).isBetween(Duration.ofMillis(131_999), Duration.ofSeconds(132));
    }

    @Test
    void failuresDoubleTheWaitUpToTheCapAndASuccessStartsOver() {
        Pacing pacing = pacing(0.5);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(pacing.next(false));
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofSeconds(320), CAP, CAP);
        assertThat(pacing.failures()).isEqualTo(8);

        assertThat(pacing.next(true)).isEqualTo(INTERVAL);
        assertThat(pacing.failures()).isZero();
        assertThat(pacing.next(false)).isEqualTo(FIRST);
    }

    @Test
    void theBackoffIsJitteredToo() {
        Pacing low = pacing(0.0);
        low.next(false);
        assertThat(low.next(false)).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void aThousandFailuresDoNotOverflow() {
        Pacing pacing = pacing(0.5);
        Duration last = null;
        for (int i = 0; i < 1000; i++) {
            last = pacing.next(false);
        }
        assertThat(last).isEqualTo(CAP);
    }

    @Test
    void aCapBelowTheFirstBackoffIsRefused() {
        assertThatThrownBy(() -> new Pacing(INTERVAL, CAP, FIRST, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be shorter");
        assertThatThrownBy(() -> new Pacing(Duration.ZERO, FIRST, CAP, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Pacing pacing(double random) {
        return new Pacing(INTERVAL, FIRST, CAP, () -> random);
    }
}
