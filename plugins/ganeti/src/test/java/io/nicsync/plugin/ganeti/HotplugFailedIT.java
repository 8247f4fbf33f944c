package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An instance with {@code kvm_pci_reservations: 31}: its one NIC takes the last PCI slot. The plugin's capacity
 * says 0, and Ganeti agrees: its hot-add is a successful job with {@code hotplug:failed} ("All slots occupied")
 * that has added the NIC to the configuration. The step fails with that reason and leaves nothing changed.
 */
class HotplugFailedIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aHotAddGanetiCannotPlugFailsWithGanetisReasonAndChangesNothing() throws Exception {
        GanetiLab.require();
        try (LabInstance instance = LabInstance.create(LabInstance.Kind.KERNEL, true,
                Map.of("kvm_pci_reservations", 31)); Target target = GanetiLab.open()) {
            instance.awaitGuest();
            LiveVm vm = target.observe(instance.ref());
            assertThat(vm.capacity().supported()).isTrue();
            assertThat(vm.capacity().freeSlots()).isZero();
            assertThat(GanetiLab.qemuNics(instance.name())).containsValue(31);
            var qemuBefore = GanetiLab.qemuNics(instance.name());
            NicSpec spec = new NicSpec("more", null, NetworkRef.named("bridge", "gnt-br1"), null, null, LinkState.UP,
                    null);

            assertThatThrownBy(() -> target.execute(new AddNic(instance.ref(), spec, "test"), TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("hotplug:failed): Could not hotplug device: Error while executing backend"
                            + " function: All slots occupied")
                    .hasMessageContaining("nicsync removed it from the configuration again")
                    .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.NO_CAPACITY);

            assertThat(instance.nicNames()).containsExactly("eth0");
            assertThat(GanetiLab.qemuNics(instance.name())).isEqualTo(qemuBefore);
            assertThat(GanetiLab.tags(instance.name())).isEmpty();
            // nor could a restart bring the NIC: an instance with two NICs and 31 reserved slots does not start
            assertThat(target.preflight(List.of(new AddNic(instance.ref(), spec, "test")))).satisfiesExactly(
                    p -> assertThat(p).contains("1 NIC(s) to hotplug but room for only 0"),
                    p -> assertThat(p).contains("the instance cannot start with more than 1"));
        }
    }
}
