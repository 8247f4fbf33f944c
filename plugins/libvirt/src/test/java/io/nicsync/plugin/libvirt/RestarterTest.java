package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.PowerState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestarterTest {
    private final FakeTime time = new FakeTime();

    @Test
    void guestThatIgnoresThePowerButtonIsDestroyedAfterHalfTheTimeout() throws Exception {
        FakeDomain d = new FakeDomain("<domain id='1'/>", "<domain/>");
        Instant start = time.instant();
        new Restarter(time, time).restart(d, Duration.ofSeconds(10));
        assertThat(d.calls).containsExactly("shutdown", "destroy", "start");
        assertThat(Duration.between(start, time.instant())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void guestThatShutsDownIsNotDestroyed() throws Exception {
        FakeDomain d = new FakeDomain("<domain id='1'/>", "<domain/>") {
            @Override
            public void shutdown() {
                super.shutdown();
                power = PowerState.STOPPED;
            }
        };
        new Restarter(time, time).restart(d, Duration.ofSeconds(10));
        assertThat(d.calls).containsExactly("shutdown", "start");
    }

    @Test
    void stoppedDomainIsJustStarted() throws Exception {
        FakeDomain d = new FakeDomain(null, "<domain/>");
        d.power = PowerState.STOPPED;
        new Restarter(time, time).restart(d, Duration.ofSeconds(10));
        assertThat(d.calls).containsExactly("start");
    }
}
