package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change made in the persistent definition only reaches the running guest through a restart. */
class RestartIT {

    @Test
    void restartBringsAPersistedOnlyNicIntoTheRunningDomain() throws Exception {
        Lab.require();
        NicSpec later = new NicSpec("later", null, NetworkRef.named("bridge", Lab.OTHER_BRIDGE), "e1000", null,
                LinkState.UP, null);
        try (LabGuest guest = LabGuest.started(LabGuest.Kind.NOOS);
                Target target = Lab.open();
                Lab.Independent check = new Lab.Independent()) {
            target.execute(new PersistNic(guest.ref(), later, null, "test"), Duration.ofSeconds(10));
            assertThat(check.live(guest.name()).nics()).extracting(DomainNic::name).doesNotContain("later");

            RestartRequired restart = new RestartRequired(guest.ref(), List.of(later), "test");
            target.execute(restart, Duration.ofSeconds(4));

            LiveVm after = target.observe(guest.ref());
            assertThat(after.power()).isEqualTo(PowerState.RUNNING);
            assertThat(check.live(guest.name()).nics()).extracting(DomainNic::name).contains("later");
            assertThat(restart.verifiedBy(after)).isTrue();
        }
    }
}
