package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hot-add, repoint and hot-remove on a running instance whose Debian kernel answers ACPI, each checked in Ganeti's
 * configuration, on QEMU's PCI bus, on the bridges and in the guest, and each verified as the applier verifies
 * it: {@link Step#verifiedBy} on a fresh observation.
 */
class LiveStepsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
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

    private static NicSpec spec(String name, String mac, NetworkRef network) {
        return new NicSpec(name, mac == null ? null : MacAddress.parse(mac), network, null, null, LinkState.UP, null);
    }

    private static LiveVm run(Step step) throws Exception {
        target.execute(step, TIMEOUT);
        LiveVm vm = target.observe(instance.ref());
        assertThat(step.verifiedBy(vm)).as("verified on a fresh observation: " + step).isTrue();
        return vm;
    }

    @Test
    void aHotAddedNicIsInGanetiOnQemusBusAndInTheGuest() throws Exception {
        String mac = "aa:00:00:5a:00:01";
        var before = target.observe(instance.ref()).fingerprint();

        LiveVm vm = run(new AddNic(instance.ref(), spec("added", mac, NetworkRef.named("bridge", "gnt-br1")), "t"));

        assertThat(instance.nicNames()).contains("added");
        assertThat(instance.macOf("added")).isEqualTo(mac);
        assertThat(GanetiLab.qemuNics(instance.name())).containsKey(GanetiLab.deviceId(instance.uuidOf("added")));
        int index = instance.nicNames().indexOf("added");
        assertThat(GanetiLab.bridgeOfNic(instance.name(), index)).isEqualTo("gnt-br1");
        GanetiLab.await("the guest seeing " + mac, Duration.ofSeconds(30),
                () -> GanetiLab.guestMacs(instance.name()).contains(mac));
        assertThat(vm.fingerprint()).isNotEqualTo(before);
        assertThat(vm.nic("added").map(LiveNic::persisted)).contains(true);
    }

    @Test
    void aRepointMovesThePluggedNicKeepingItsMacAndSlot() throws Exception {
        String mac = "aa:00:00:5a:00:02";
        NicSpec onBr0 = spec("moving", mac, NetworkRef.named("bridge", "gnt-br0"));
        run(new AddNic(instance.ref(), onBr0, "t"));
        String device = GanetiLab.deviceId(instance.uuidOf("moving"));
        int slot = GanetiLab.qemuNics(instance.name()).get(device);

        run(new RepointNic(instance.ref(), onBr0, onBr0.network(), NetworkRef.named("bridge", "gnt-br1"), "t"));

        assertThat(GanetiLab.qemuNics(instance.name())).containsEntry(device, slot);
        assertThat(GanetiLab.bridgeOfNic(instance.name(), instance.nicNames().indexOf("moving"))).isEqualTo("gnt-br1");
        assertThat(instance.macOf("moving")).isEqualTo(mac);

        // onto a Ganeti network (connected to the node group bridged on gnt-br1), and back onto a bridge
        NicSpec onBr1 = onBr0.withNetwork(NetworkRef.named("bridge", "gnt-br1"));
        LiveVm vm = run(new RepointNic(instance.ref(), onBr1, onBr1.network(), NetworkRef.named("network", "labnet"), "t"));
        assertThat(vm.nic("moving").orElseThrow().live().network()).isEqualTo(NetworkRef.named("network", "labnet"));
        assertThat(instance.ganeti().path("nic.networks.names").toString()).contains("labnet");
        NicSpec onNet = onBr0.withNetwork(NetworkRef.named("network", "labnet"));
        run(new RepointNic(instance.ref(), onNet, onNet.network(), NetworkRef.named("bridge", "gnt-br0"), "t"));
        assertThat(GanetiLab.bridgeOfNic(instance.name(), instance.nicNames().indexOf("moving"))).isEqualTo("gnt-br0");
        assertThat(GanetiLab.qemuNics(instance.name())).containsEntry(device, slot);
    }

    @Test
    void aHotRemoveTheGuestAcknowledgesLeavesNothingBehind() throws Exception {
        String mac = "aa:00:00:5a:00:03";
        NicSpec spec = spec("removed", mac, NetworkRef.named("bridge", "gnt-br1"));
        run(new AddNic(instance.ref(), spec, "t"));
        String device = GanetiLab.deviceId(instance.uuidOf("removed"));
        GanetiLab.await("the guest seeing " + mac, Duration.ofSeconds(30),
                () -> GanetiLab.guestMacs(instance.name()).contains(mac));

        run(new UnplugNic(instance.ref(), spec, "t"));

        assertThat(instance.nicNames()).doesNotContain("removed");
        assertThat(GanetiLab.qemuNics(instance.name())).doesNotContainKey(device);
        GanetiLab.await("the guest losing " + mac, Duration.ofSeconds(30),
                () -> !GanetiLab.guestMacs(instance.name()).contains(mac));
        assertThat(GanetiLab.tags(instance.name())).noneMatch(t -> t.startsWith("nicsync:"));
    }

    @Test
    void movingIntoANetworkWithItsOwnMacPrefixGivesANewMac() throws Exception {
        NicSpec spec = spec("prefixed", "aa:00:00:5a:00:04", NetworkRef.named("bridge", "gnt-br0"));
        run(new AddNic(instance.ref(), spec, "t"));

        LiveVm vm = run(new RepointNic(instance.ref(), spec, spec.network(), NetworkRef.named("network", "prefnet"),
                "t"));

        // Ganeti's rule: a NIC entering a network with a MAC prefix of its own gets a MAC from it
        assertThat(vm.nic("prefixed").orElseThrow().mac().value()).startsWith("aa:99:00:");
        assertThat(target.capabilities().canRepointLive(spec(null, "aa:00:00:5a:00:05",
                NetworkRef.named("bridge", "gnt-br0")), NetworkRef.named("network", "prefnet")))
                .as("a NIC known only by its MAC would be lost").isFalse();
        assertThat(target.capabilities().canRepointLive(spec, NetworkRef.named("network", "prefnet"))).isTrue();
        assertThat(List.of(vm.nic("prefixed").orElseThrow().mac().value()))
                .isEqualTo(List.of(instance.macOf("prefixed")));
    }
}
