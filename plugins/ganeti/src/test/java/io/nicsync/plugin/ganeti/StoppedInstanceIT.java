package io.nicsync.plugin.ganeti;

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
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stopped instance has only its configuration: changes go there (no hotplug), a hotplug is refused before Ganeti
 * is asked, and starting the instance (a restart step) brings them into the VM.
 */
class StoppedInstanceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aStoppedInstancesConfigurationChangesAndItsNextStartBringsIt() throws Exception {
        GanetiLab.require();
        try (LabInstance instance = LabInstance.stopped(LabInstance.Kind.KERNEL); Target target = GanetiLab.open()) {
            LiveVm vm = target.observe(instance.ref());
            assertThat(vm.power()).isEqualTo(PowerState.STOPPED);
            assertThat(vm.nics()).singleElement().satisfies(n -> {
                assertThat(n.plugged()).isFalse();
                assertThat(n.persisted()).isTrue();
            });
            NicSpec added = new NicSpec("cfg", MacAddress.parse("aa:00:00:5a:02:01"),
                    NetworkRef.named("bridge", "gnt-br1"), null, null, LinkState.UP, null);
            assertThat(target.preflight(List.of(new AddNic(instance.ref(), added, "t")))).singleElement().asString()
                    .contains("NIC(s) to hotplug but the VM is not running");
            assertThatThrownBy(() -> target.execute(new AddNic(instance.ref(), added, "t"), TIMEOUT))
                    .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.UNSUPPORTED);
            assertThat(instance.nicNames()).containsExactly("eth0");

            PersistNic persist = new PersistNic(instance.ref(), added, null, "t");
            target.execute(persist, TIMEOUT);
            NicSpec eth0 = target.observe(instance.ref()).nic("eth0").orElseThrow().persistent();
            PersistNic moveEth0 = new PersistNic(instance.ref(), eth0.withNetwork(NetworkRef.named("network", "labnet")),
                    eth0, "t");
            target.execute(moveEth0, TIMEOUT);
            LiveVm changed = target.observe(instance.ref());
            assertThat(persist.verifiedBy(changed)).isTrue();
            assertThat(moveEth0.verifiedBy(changed)).isTrue();
            assertThat(instance.nicNames()).containsExactly("eth0", "cfg");
            assertThat(instance.ganeti().path("nic.networks.names").path(0).asText()).isEqualTo("labnet");
            assertThat(GanetiLab.tags(instance.name())).as("a stopped VM differs from nothing").isEmpty();

            RestartRequired start = new RestartRequired(instance.ref(), List.of(added), "t");
            target.execute(start, TIMEOUT);
            instance.awaitGuest();
            assertThat(start.verifiedBy(target.observe(instance.ref()))).isTrue();
            assertThat(GanetiLab.qemuNics(instance.name())).containsKeys(GanetiLab.deviceId(instance.uuidOf("eth0")),
                    GanetiLab.deviceId(instance.uuidOf("cfg")));
            GanetiLab.await("the guest seeing both NICs", Duration.ofSeconds(30),
                    () -> GanetiLab.guestMacs(instance.name()).contains(added.mac().value())
                            && GanetiLab.guestMacs(instance.name()).size() == 2);
            assertThat(GanetiLab.bridgeOfNic(instance.name(), 0)).isEqualTo("gnt-br1");
        }
    }
}
