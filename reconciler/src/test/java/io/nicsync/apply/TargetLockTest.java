package io.nicsync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLockTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock();
    final List<Duration> slept = new ArrayList<>();
    final Sleeper sleeper = d -> {
        slept.add(d);
        clock.advance(d);
    };

    LockHolder holder(String command) {
        return new LockHolder(4242, "hv1", "ops", Instant.parse("2026-11-22T10:00:00Z"), command);
    }

    @Test
    void aSecondApplyWaitsForTheTimeoutThenNamesTheHolder() throws Exception {
        try (TargetLock first = TargetLock.acquire(dir, "lab", holder("nicsync apply plan.json"),
                Duration.ZERO, clock, sleeper)) {
            assertThatThrownBy(() -> TargetLock.acquire(dir, "lab", holder("nicsync apply"), Duration.ofSeconds(3),
                    clock, sleeper))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("target lab is locked")
                    .hasMessageContaining("pid 4242 on hv1 (user ops)")
                    .hasMessageContaining("nicsync apply plan.json")
                    .hasMessageContaining("waited 3s");
            assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void theLockIsFreeAgainOnceReleasedAndOtherTargetsAreIndependent() throws Exception {
        try (TargetLock lab = TargetLock.acquire(dir, "lab", holder("a"), Duration.ZERO, clock, sleeper);
                TargetLock prod = TargetLock.acquire(dir, "prod", holder("b"), Duration.ZERO, clock, sleeper)) {
            assertThat(TargetLock.readHolder(dir.resolve("lab.lock"))).isEqualTo(holder("a"));
        }
        assertThat(TargetLock.readHolder(dir.resolve("lab.lock"))).isNull();
        try (TargetLock again = TargetLock.acquire(dir, "lab", holder("c"), Duration.ZERO, clock, sleeper)) {
            assertThat(slept).isEmpty();
        }
    }

    @Test
    void aSecondLockOfTheSameFileInThisProcessWaitsAndLeavesTheFirstHeld() throws Exception {
        try (TargetLock first = TargetLock.acquire(dir, "lab", holder("nicsync serve"), Duration.ZERO, clock, sleeper)) {
            assertThatThrownBy(() -> TargetLock.acquire(dir, "lab", holder("nicsync apply"), Duration.ofSeconds(1),
                    clock, sleeper))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("running 'nicsync serve'");

            // the OS lock is the process's: a second descriptor opened and closed here would have dropped it
            assertThat(TryLockElsewhere.check(dir.resolve("lab.lock"))).isEqualTo("held");
        }
        assertThat(TryLockElsewhere.check(dir.resolve("lab.lock"))).isEqualTo("free");
        try (TargetLock again = TargetLock.acquire(dir, "lab", holder("c"), Duration.ZERO, clock, sleeper)) {
            assertThat(TryLockElsewhere.check(dir.resolve("lab.lock"))).isEqualTo("held");
        }
    }

    @Test
    void theLockFileIsTheOwnersAloneAndNamesNoCredentials() throws Exception {
        String command = "nicsync serve --repo https://ghp_T0KEN@git.example.org/nics.git?token=abc --ref main";
        try (TargetLock lab = TargetLock.acquire(dir, "lab", holder(command), Duration.ZERO, clock, sleeper)) {
            assertThat(Files.readString(dir.resolve("lab.lock"))).contains("https://***@git.example.org/nics.git?token=***")
                    .doesNotContain("abc").doesNotContain("ghp_T0KEN");
            assertThat(Files.getPosixFilePermissions(dir.resolve("lab.lock")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThatThrownBy(() -> TargetLock.acquire(dir, "lab", holder("x"), Duration.ZERO, clock, sleeper))
                    .hasMessageContaining("https://***@").hasMessageNotContaining("ghp_T0KEN");
        }
    }

    @Test
    void aTargetNameThatIsNoFileNameIsRefusedBeforeAnyFileIsTouched() {
        assertThatThrownBy(() -> TargetLock.acquire(dir.resolve("locks"), "../../victim", holder("x"), Duration.ZERO,
                clock, sleeper)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot name a file");
        assertThat(dir.resolve("locks")).doesNotExist();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
