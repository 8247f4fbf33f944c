package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A guest without an OS never answers the ACPI unplug request: libvirt reports success and the NIC stays.
 * The plugin must not call that done.
 */
class UnplugNotAcknowledgedIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    @Test
    void unplugThatTheGuestNeverAcknowledgesFailsAtTheTimeoutWithTheNicStillThere() throws Exception {
        Lab.require();
        NicSpec spec = new NicSpec("stuck", null, NetworkRef.named("bridge", Lab.OTHER_BRIDGE), null, null,
                LinkState.UP, null);
        try (LabGuest guest = LabGuest.started(LabGuest.Kind.NOOS);
                Target target = Lab.open();
                Lab.Independent check = new Lab.Independent()) {
            target.execute(new AddNic(guest.ref(), spec, "test"), TIMEOUT);

            long start = System.nanoTime();
            assertThatThrownBy(() -> target.execute(new UnplugNic(guest.ref(), spec, "test"), TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith(guest.name() + "/stuck: the guest did not release the device")
                    // Requests by alias do not block, so all of Nova's eight fit in the timeout.
                    .hasMessageContaining("after the first of 8 unplug requests")
                    .satisfies(e -> assertThat(((TargetException) e).reason())
                            .isEqualTo(TargetException.Reason.NOT_RELEASED));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(2));
            assertThat(check.live(guest.name()).nics()).extracting(DomainNic::name).contains("stuck");
            assertThat(target.observe(guest.ref()).nic("stuck").orElseThrow().plugged()).isTrue();
            System.out.printf("unacknowledged unplug reported after %d ms%n", took.toMillis());
        }
    }
}
