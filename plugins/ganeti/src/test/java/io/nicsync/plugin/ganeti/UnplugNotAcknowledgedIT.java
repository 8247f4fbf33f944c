package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A guest without an OS never ejects a device. Ganeti waits five seconds, says {@code hotplug:failed} inside a
 * successful job, and has already dropped the NIC from its configuration while QEMU keeps the device. The plugin
 * must call that a failed unplug, not a success, and leave Ganeti's configuration describing the VM again.
 */
class UnplugNotAcknowledgedIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void anUnplugTheGuestNeverAcknowledgesFailsAndTheDeviceIsStillKnownToBeThere() throws Exception {
        GanetiLab.require();
        NicSpec spec = new NicSpec("stuck", MacAddress.parse("aa:00:00:5a:01:01"),
                NetworkRef.named("bridge", "gnt-br1"), null, null, LinkState.UP, null);
        try (LabInstance instance = LabInstance.running(LabInstance.Kind.NO_OS); Target target = GanetiLab.open()) {
            target.execute(new AddNic(instance.ref(), spec, "test"), TIMEOUT);
            String oldUuid = instance.uuidOf("stuck");
            String device = GanetiLab.deviceId(oldUuid);
            assertThat(GanetiLab.qemuNics(instance.name())).containsKey(device);

            UnplugNic unplug = new UnplugNic(instance.ref(), spec, "test");
            long start = System.nanoTime();
            assertThatThrownBy(() -> target.execute(unplug, TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith(instance.name() + "/stuck: the guest did not release the device")
                    .hasMessageContaining("Device " + device + " should have been removed but is still there")
                    .hasMessageContaining("nicsync put the NIC back into the configuration")
                    .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.NOT_RELEASED);
            System.out.printf("unacknowledged unplug reported after %d ms%n", (System.nanoTime() - start) / 1_000_000);

            // QEMU still has the device; Ganeti's configuration has the NIC again, as before but for its UUID
            assertThat(GanetiLab.qemuNics(instance.name())).containsKey(device);
            assertThat(instance.nicNames()).contains("stuck");
            assertThat(instance.macOf("stuck")).isEqualTo(spec.mac().value());
            assertThat(instance.uuidOf("stuck")).isNotEqualTo(oldUuid);
            assertThat(GanetiLab.tags(instance.name())).singleElement().asString()
                    .startsWith("nicsync:vm-has:").contains(":" + oldUuid.substring(0, 8) + ":aa00005a0101:stuck:");

            // so nicsync sees the VM as it was before the unplug, which is what a rollback checks ...
            LiveVm vm = target.observe(instance.ref());
            LiveNic stuck = vm.nic("stuck").orElseThrow();
            assertThat(stuck.plugged()).isTrue();
            assertThat(unplug.inverse().orElseThrow().verifiedBy(vm)).isTrue();
            assertThat(unplug.verifiedBy(vm)).isFalse();
            // ... and knows that Ganeti cannot hotplug this device again before a restart
            assertThat(target.capabilities().canUnplug(vm, stuck)).isFalse();
            assertThat(target.preflight(List.of(unplug))).anySatisfy(p -> assertThat(p)
                    .contains("Ganeti cannot hotplug this device again until the instance restarts"));

            // a restart builds the VM from the configuration: the old device is gone, the NIC is there anew
            RestartRequired restart = new RestartRequired(instance.ref(), List.of(spec), "test");
            target.execute(restart, Duration.ofSeconds(20));
            assertThat(GanetiLab.qemuNics(instance.name())).doesNotContainKey(device)
                    .containsKey(GanetiLab.deviceId(instance.uuidOf("stuck")));
            assertThat(GanetiLab.tags(instance.name())).isEmpty();
            LiveVm after = target.observe(instance.ref());
            assertThat(restart.verifiedBy(after)).isTrue();
            assertThat(target.capabilities().canUnplug(after, after.nic("stuck").orElseThrow())).isTrue();
        }
    }
}
