package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the plugin observes, against what Ganeti and QEMU say themselves. */
class ObserveIT {
    private static LabInstance instance;
    private static Target target;

    @BeforeAll
    static void up() throws Exception {
        GanetiLab.require();
        instance = LabInstance.running(LabInstance.Kind.KERNEL);
        target = GanetiLab.open();
    }

    @AfterAll
    static void down() {
        if (target != null) {
            target.close();
        }
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void observeReadsWhatGanetiHas() throws Exception {
        LiveVm vm = target.observe(instance.ref());
        JsonNode ganeti = instance.ganeti();

        assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.nics()).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("eth0");
            assertThat(n.mac()).isEqualTo(MacAddress.parse(ganeti.path("nic.macs").path(0).asText()));
            assertThat(n.live().network()).isEqualTo(NetworkRef.named("bridge", "gnt-br0"));
            assertThat(n.live().model()).isEqualTo("virtio");
            assertThat(n.persisted()).isTrue();
        });
        assertThat(target.observeAll()).extracting(v -> v.ref().name()).contains(instance.name(),
                GanetiLab.get("INSTANCE"));
        assertThat(target.observe(instance.ref()).fingerprint()).isEqualTo(vm.fingerprint());
    }

    @Test
    void capacityIsWhatQemusBusHasFree() throws Exception {
        LiveVm vm = target.observe(instance.ref());
        int nicsOnTheBus = GanetiLab.qemuNics(instance.name()).size();

        // Ganeti keeps slots 0-11 for QEMU (kvm_pci_reservations) and puts eth0 at 0xc
        assertThat(GanetiLab.qemuNics(instance.name()))
                .containsEntry(GanetiLab.deviceId(instance.uuidOf("eth0")), 12);
        assertThat(vm.capacity().detail()).startsWith((32 - 12 - nicsOnTheBus) + " of 32 PCI slots free");
        // and the configuration takes at most 8 NICs
        assertThat(vm.capacity().freeSlots()).isEqualTo(Math.min(32 - 12 - nicsOnTheBus, 8 - instance.nicNames().size()));
    }

    @Test
    void theFingerprintMovesWithAnyChangeOfTheInstance() throws Exception {
        var before = target.observe(instance.ref()).fingerprint();

        GanetiLab.job("PUT", "/2/instances/" + instance.name() + "/tags?tag=it-marker", null);

        assertThat(target.observe(instance.ref()).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void anUnknownInstanceIsNotFoundAndSoIsAShortName() {
        var missing = VmRef.of("gnt", "no-such-instance.ganeti.test");
        String fullName = instance.name();
        var shortName = VmRef.of("gnt", fullName.substring(0, fullName.indexOf('.')));

        for (VmRef vm : new VmRef[] {missing, shortName}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.observe(vm))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("no such instance on target gnt")
                    .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.NOT_FOUND);
        }
    }

    @Test
    void aNicWithoutANameIsKnownByItsMac() throws Exception {
        GanetiLab.job("PUT", "/2/instances/" + instance.name() + "/modify",
                "{\"nics\": [[\"add\", \"-1\", {\"link\": \"gnt-br1\"}]], \"hotplug\": true}");

        LiveVm vm = target.observe(instance.ref());
        LiveNic unnamed = vm.nics().stream().filter(n -> n.name() == null).findFirst().orElseThrow();
        assertThat(unnamed.plugged()).isTrue();
        assertThat(vm.nicByMac(unnamed.mac())).contains(unnamed);
        assertThat(unnamed.live().network()).isEqualTo(NetworkRef.named("bridge", "gnt-br1"));
    }
}
