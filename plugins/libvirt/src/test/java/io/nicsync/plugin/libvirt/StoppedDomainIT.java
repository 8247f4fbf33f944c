package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A defined, stopped domain: only its persistent definition can change. */
class StoppedDomainIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void persistAndUnpersistChangeTheDefinitionOfAStoppedDomain() throws Exception {
        Lab.require();
        NicSpec spec = new NicSpec("cold", MacAddress.parse("52:54:00:5a:00:10"),
                NetworkRef.named("network", Lab.NETWORK), "e1000", null, LinkState.DOWN, null);
        try (LabGuest guest = LabGuest.defined(LabGuest.Kind.KERNEL);
                Target target = Lab.open();
                Lab.Independent check = new Lab.Independent()) {
            LiveVm before = target.observe(guest.ref());
            assertThat(before.power()).isEqualTo(PowerState.STOPPED);
            assertThat(before.capacity().detail()).contains("not running");

            target.execute(new PersistNic(guest.ref(), spec, null, "test"), TIMEOUT);
            DomainNic written = check.persistent(guest.name()).nics().stream()
                    .filter(n -> "cold".equals(n.name())).findFirst().orElseThrow();
            assertThat(written.spec()).isEqualTo(spec);
            LiveVm after = target.observe(guest.ref());
            assertThat(after.nic("cold").orElseThrow().plugged()).isFalse();
            assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());

            target.execute(new UnpersistNic(guest.ref(), spec, "test"), TIMEOUT);
            assertThat(check.persistent(guest.name()).nics()).extracting(DomainNic::name).doesNotContain("cold");
        }
    }

    @Test
    void hotplugIntoAStoppedDomainIsRefusedWithoutChange() throws Exception {
        Lab.require();
        NicSpec spec = new NicSpec("hot", null, NetworkRef.named("bridge", Lab.BRIDGE), null, null, LinkState.UP, null);
        try (LabGuest guest = LabGuest.defined(LabGuest.Kind.KERNEL); Target target = Lab.open()) {
            assertThatThrownBy(() -> target.execute(new AddNic(guest.ref(), spec, "test"), TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessage(guest.name() + "/hot: the domain is not running, so hotplug is not possible");
            assertThat(target.preflight(List.of(new AddNic(guest.ref(), spec, "test"))))
                    .containsExactly(guest.name() + ": 1 NIC(s) to hotplug but the VM is not running");
        }
    }
}
