package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.PowerState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded instances read into what nicsync plans from. */
class ObserverTest {
    private static final ClusterFacts FACTS = Fixtures.facts();

    private static Observer.Observed read(Instance instance, Ledger ledger) {
        return Observer.read("gnt", instance, ledger, FACTS);
    }

    @Test
    void aRunningInstancesConfigurationIsWhatItsVmHas() {
        LiveVm vm = read(Fixtures.instance("instance-four-nics"), Ledger.EMPTY).vm();

        assertThat(vm.ref().toString()).isEqualTo("gnt/rec1.ganeti.test");
        assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.machineType()).isEqualTo("pc");
        assertThat(vm.nics()).extracting(LiveNic::name).containsExactly("eth0", "extra", "onnet", "later");
        assertThat(vm.nics()).allSatisfy(n -> {
            assertThat(n.live()).isEqualTo(n.persistent());
            assertThat(n.live().model()).isEqualTo("virtio");
            assertThat(n.live().link()).isEqualTo(LinkState.UP);
        });
        assertThat(vm.nic("extra").orElseThrow().live().network()).isEqualTo(NetworkRef.named("bridge", "gnt-br0"));
        assertThat(vm.nic("onnet").orElseThrow().live().network()).isEqualTo(NetworkRef.named("network", "labnet"));
        assertThat(vm.nic("eth0").orElseThrow().mac()).isEqualTo(MacAddress.parse("aa:00:00:fe:ca:1c"));
    }

    @Test
    void capacityIsTheLesserOfFreePciSlotsAndNicsTheConfigurationStillTakes() {
        // 32 slots - 12 reserved - 4 NICs = 16 free on the bus; Ganeti allows 8 NICs, 4 are there
        assertThat(read(Fixtures.instance("instance-four-nics"), Ledger.EMPTY).vm().capacity().freeSlots())
                .isEqualTo(4);
        // 32 - 31 reserved - eth0 = 0: Ganeti answered "All slots occupied" to a hot-add here
        assertThat(read(Fixtures.instance("instance-no-free-slot"), Ledger.EMPTY).vm().capacity())
                .satisfies(c -> {
                    assertThat(c.supported()).isTrue();
                    assertThat(c.freeSlots()).isZero();
                    assertThat(c.detail()).startsWith("0 of 32 PCI slots free (31 kept by kvm_pci_reservations");
                });
    }

    @Test
    void aStoppedInstanceHasItsConfigurationOnly() {
        LiveVm vm = read(Fixtures.instance("instance-stopped"), Ledger.EMPTY).vm();

        assertThat(vm.power()).isEqualTo(PowerState.STOPPED);
        assertThat(vm.nics()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.plugged()).isFalse();
            assertThat(n.persisted()).isTrue();
        });
        assertThat(vm.capacity().supported()).isFalse();
    }

    @Test
    void aConfiguredNicTheVmLacksIsPersistentOnly() {
        Instance four = Fixtures.instance("instance-four-nics");
        String later = four.nics().get(3).uuid();

        Observer.Observed o = read(four, new Ledger(List.of(new Ledger.VmLacks(48, later))));

        LiveNic nic = o.vm().nic("later").orElseThrow();
        assertThat(nic.plugged()).isFalse();
        assertThat(nic.persisted()).isTrue();
        // the slot it would take is free: 32 - 12 - 3 NICs in the VM = 17, the configuration still takes 4
        assertThat(o.vm().capacity().detail()).startsWith("17 of 32 PCI slots free");
    }

    @Test
    void aDeviceTheConfigurationDescribesOtherwiseIsLiveAsTheLedgerSays() {
        Instance four = Fixtures.instance("instance-four-nics");
        ConfigNic extra = four.nics().get(1);
        var old = new Ledger.VmHas(50, Hotplugs.shortUuid(extra.uuid()), extra.mac(), "extra",
                NetworkRef.named("bridge", "gnt-br1"));

        Observer.Observed o = read(four, new Ledger(List.of(old)));

        LiveNic nic = o.vm().nic("extra").orElseThrow();
        assertThat(nic.live().network()).isEqualTo(NetworkRef.named("bridge", "gnt-br1"));
        assertThat(nic.persistent().network()).isEqualTo(NetworkRef.named("bridge", "gnt-br0"));
        assertThat(o.pinned()).as("Ganeti's runtime record is still this NIC's: it can hotplug it").isEmpty();
    }

    @Test
    void aDeviceLeftAfterAnUnacknowledgedUnplugCannotBeHotpluggedAgain() {
        Instance four = Fixtures.instance("instance-four-nics");
        ConfigNic extra = four.nics().get(1);
        // the NIC was put back into the configuration under a new UUID; the runtime record keeps the old one
        var device = new Ledger.VmHas(50, "0ldc0ffe", extra.mac(), "extra", NetworkRef.named("bridge", "gnt-br0"));

        Observer.Observed o = read(four, new Ledger(List.of(device)));

        assertThat(o.vm().nic("extra").orElseThrow().plugged()).isTrue();
        assertThat(o.pinned()).containsExactly("extra");
    }

    @Test
    void aDeviceTheConfigurationNoLongerHoldsIsLiveOnly() {
        var orphan = new Ledger.VmHas(50, "15bc287b", MacAddress.parse("aa:00:00:12:34:56"), "stuck",
                NetworkRef.named("bridge", "gnt-br1"));

        Observer.Observed o = read(Fixtures.instance("instance-running"), new Ledger(List.of(orphan)));

        LiveNic nic = o.vm().nic("stuck").orElseThrow();
        assertThat(nic.plugged()).isTrue();
        assertThat(nic.persisted()).isFalse();
        assertThat(o.pinned()).containsExactly("stuck");
        assertThat(o.vm().capacity().detail()).contains("2 NIC(s)");
    }

    @Test
    void aStoppedInstanceIgnoresTheLedger() {
        Instance stopped = Fixtures.instance("instance-stopped");
        var orphan = new Ledger.VmHas(50, "15bc287b", MacAddress.parse("aa:00:00:12:34:56"), "stuck",
                NetworkRef.named("bridge", "gnt-br1"));

        assertThat(read(stopped, new Ledger(List.of(orphan))).vm().nics()).extracting(LiveNic::name)
                .doesNotContain("stuck");
    }

    @Test
    void theFingerprintChangesWithTheConfigurationAndWithTheLedger() {
        Instance four = Fixtures.instance("instance-four-nics");
        var fingerprint = read(four, Ledger.EMPTY).vm().fingerprint();

        assertThat(read(Fixtures.instance("instance-four-nics"), Ledger.EMPTY).vm().fingerprint())
                .isEqualTo(fingerprint);
        assertThat(read(Fixtures.instance("instance-running"), Ledger.EMPTY).vm().fingerprint())
                .isNotEqualTo(fingerprint);
        assertThat(read(four, new Ledger(List.of(new Ledger.VmLacks(48, four.nics().get(3).uuid())))).vm()
                .fingerprint()).isNotEqualTo(fingerprint);
        assertThat(fingerprint.value()).startsWith("ganeti:6:");
    }
}
