package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** q35 gets one spare pcie-root-port from libvirt: one hotplug fits, a second is refused up front. */
class Q35CapacityIT {

    @Test
    void secondHotplugIsRefusedByPreflightBeforeAnyChange() throws Exception {
        Lab.require();
        try (LabGuest guest = LabGuest.started(LabGuest.Kind.Q35);
                Target target = Lab.open();
                Lab.Independent check = new Lab.Independent()) {
            LiveVm before = target.observe(guest.ref());
            assertThat(before.capacity().freeSlots()).isEqualTo(1);
            String xmlBefore = check.liveXml(guest.name());

            List<Step> two = List.of(add(guest, "first"), add(guest, "second"));
            assertThat(target.preflight(two)).singleElement().asString()
                    .isEqualTo(guest.name() + ": 2 NIC(s) to hotplug but room for only 1 (1 of 3 pcie-root-ports free)");
            assertThat(check.liveXml(guest.name())).as("preflight changes nothing").isEqualTo(xmlBefore);

            assertThat(target.preflight(List.of(add(guest, "first")))).isEmpty();
            target.execute(add(guest, "first"), Duration.ofSeconds(10));
            assertThat(target.observe(guest.ref()).capacity().freeSlots()).isZero();

            String xmlFull = check.liveXml(guest.name());
            assertThat(target.preflight(List.of(add(guest, "second")))).singleElement().asString()
                    .contains("room for only 0 (0 of 3 pcie-root-ports free)");
            assertThat(check.liveXml(guest.name())).isEqualTo(xmlFull);
        }
    }

    private static AddNic add(LabGuest guest, String name) {
        return new AddNic(guest.ref(), new NicSpec(name, null, NetworkRef.named("bridge", Lab.OTHER_BRIDGE), null, null,
                LinkState.UP, null), "test");
    }
}
