package io.nicsync.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NicsTest {
    static final VmRef VM = VmRef.of("lab", "web-01");
    static final MacAddress MAC = MacAddress.parse("52:54:00:00:00:01");
    static final NicSpec UPLINK = new NicSpec("uplink", MAC, NetworkRef.named("bridge", "br0"), "virtio", null,
            LinkState.UP, 2);

    @Test
    void aWantedConfigurationLeavingAFieldOpenIsSatisfiedByAnyValueOfIt() {
        NicSpec open = new NicSpec("uplink", null, UPLINK.network(), null, null, LinkState.UP, null);
        assertThat(Nics.satisfies(UPLINK, open)).isTrue();
        assertThat(Nics.satisfies(null, open)).isFalse();
        assertThat(Nics.satisfies(UPLINK, open.withLink(LinkState.DOWN))).isFalse();
        assertThat(Nics.satisfies(UPLINK, open.withNetwork(NetworkRef.named("bridge", "br1")))).isFalse();
    }

    @Test
    void differencesAreNamedFieldByField() {
        NicSpec wanted = new NicSpec("uplink", MacAddress.parse("52:54:00:00:00:02"), NetworkRef.named("network", "lab"),
                "e1000", "bridge", LinkState.DOWN, 3);
        assertThat(Nics.differences(UPLINK, wanted)).containsExactly(
                "network bridge br0 -> network lab", "link up -> down", "mac 52:54:00:00:00:01 -> 52:54:00:00:00:02",
                "model virtio -> e1000", "binding (none) -> bridge", "bootOrder 2 -> 3");
        assertThat(Nics.fixedDifferences(UPLINK, wanted)).hasSize(3);
    }

    @Test
    void aPersistentEntryNamingNoMacKeepsTheMacTheNicHas() {
        NicSpec unpinned = UPLINK.withMac(null);
        assertThat(Nics.persistent(new LiveNic("uplink", MAC, UPLINK, unpinned, null))).isEqualTo(UPLINK);
        NicSpec other = UPLINK.withMac(MacAddress.parse("52:54:00:00:00:07"));
        assertThat(Nics.persistent(new LiveNic("uplink", MAC, UPLINK, other, null))).isEqualTo(other);
        assertThat(Nics.persistent(new LiveNic("uplink", MAC, UPLINK, null, null))).isNull();
    }

    @Test
    void aStepsNicIsFoundByNameElseByMac() {
        LiveNic named = new LiveNic("uplink", MAC, UPLINK, null, null);
        LiveNic unnamed = new LiveNic(null, MacAddress.parse("52:54:00:00:00:09"),
                UPLINK.withMac(MacAddress.parse("52:54:00:00:00:09")), null, null);
        LiveVm vm = running(HotplugCapacity.slots(1, "1 free"), named, unnamed);
        assertThat(Nics.find(vm, UPLINK)).containsSame(named);
        assertThat(Nics.find(vm, new NicSpec(null, unnamed.mac(), UPLINK.network(), null, null, LinkState.UP, null)))
                .containsSame(unnamed);
        assertThat(Nics.find(vm, new NicSpec(null, null, UPLINK.network(), null, null, LinkState.UP, null))).isEmpty();
    }

    @Test
    void pairingAdoptsAnUnnamedNicByItsMacAndReportsAMacClaimedTwice() {
        LiveNic unnamed = new LiveNic(null, MAC, UPLINK.withMac(MAC), UPLINK.withMac(MAC), null);
        DesiredNic uplink = new DesiredNic("uplink", UPLINK.network(), null, null, MAC, LinkState.UP, Presence.PRESENT,
                true, null);
        NicPairing pairing = NicPairing.of(new DesiredVm(VM, UnmanagedPolicy.IGNORE, List.of(uplink)),
                running(HotplugCapacity.slots(0, "none"), unnamed));
        assertThat(pairing.of(uplink)).isSameAs(unnamed);
        assertThat(pairing.adopted()).containsExactly(uplink);
        assertThat(pairing.unmanaged()).isEmpty();

        LiveNic byName = new LiveNic("uplink", MacAddress.parse("52:54:00:00:00:07"), UPLINK, null, null);
        NicPairing clash = NicPairing.of(new DesiredVm(VM, UnmanagedPolicy.IGNORE, List.of(uplink)),
                running(HotplugCapacity.slots(0, "none"), byName, unnamed));
        assertThat(clash.of(uplink)).isSameAs(byName);
        assertThat(clash.adopted()).isEmpty();
        assertThat(clash.unmanaged()).containsExactly(unnamed);
        assertThat(clash.macConflicts()).containsEntry(uplink, unnamed);
    }

    @Test
    void slotsCountUnplugsOfPluggedNicsAsRoomForAdds() {
        LiveNic plugged = new LiveNic("old", MAC, new NicSpec("old", MAC, UPLINK.network(), null, null, LinkState.UP, null),
                null, null);
        LiveVm vm = running(HotplugCapacity.slots(1, "1 free PCI slot"), plugged);
        NicSpec a = new NicSpec("a", null, UPLINK.network(), null, null, LinkState.UP, null);
        NicSpec b = new NicSpec("b", null, UPLINK.network(), null, null, LinkState.UP, null);
        List<Step> two = List.of(new AddNic(VM, a, "r"), new AddNic(VM, b, "r"));
        assertThat(Slots.check(vm, two)).contains("2 NIC(s) to hotplug but room for only 1 (1 free PCI slot)");
        List<Step> freed = List.of(new UnplugNic(VM, plugged.live(), "r"), new AddNic(VM, a, "r"),
                new AddNic(VM, b, "r"));
        assertThat(Slots.check(vm, freed)).isEmpty();
        assertThat(Slots.check(vm, List.of(new UnplugNic(VM, a, "r"), new AddNic(VM, a, "r"), new AddNic(VM, b, "r"))))
                .as("an unplug of a NIC that is not plugged frees nothing").isPresent();

        Slots slots = Slots.of(vm);
        assertThat(slots.take()).isTrue();
        assertThat(slots.take()).isFalse();
        slots.release(plugged);
        assertThat(slots.free()).isEqualTo(1);
        assertThat(slots.detail()).isEqualTo("1 free PCI slot, plus 1 freed by unplugs");

        LiveNic configuredOnly = new LiveNic("cold", MAC, null, plugged.live(), null);
        slots.release(configuredOnly);
        assertThat(slots.free()).as("a NIC that is not plugged frees no slot").isEqualTo(1);

        LiveVm none = running(HotplugCapacity.unsupported("no ACPI"));
        assertThat(Slots.check(none, List.of(new AddNic(VM, a, "r")))).contains("cannot hotplug: no ACPI");
        Slots unsupported = Slots.of(none);
        unsupported.release(plugged);
        assertThat(unsupported.free()).isZero();
    }

    private static LiveVm running(HotplugCapacity capacity, LiveNic... nics) {
        return new LiveVm(VM, PowerState.RUNNING, "pc", List.of(nics), capacity, new Fingerprint("f"));
    }

    @Test
    void aPlatformRecordIsTheNicAStepMeansByNameElseByMac() {
        NicSpec named = new NicSpec("uplink", MAC, UPLINK.network(), null, null, LinkState.UP, null);
        NicSpec unnamed = new NicSpec(null, MAC, UPLINK.network(), null, null, LinkState.UP, null);
        MacAddress other = MacAddress.parse("52:54:00:00:00:99");

        assertThat(Nics.identifies(named, "uplink", other)).as("the name decides when there is one").isTrue();
        assertThat(Nics.identifies(named, "other", MAC)).isFalse();
        assertThat(Nics.identifies(unnamed, "whatever", MAC)).isTrue();
        assertThat(Nics.identifies(unnamed, null, other)).isFalse();
        assertThat(Nics.identifies(null, null, null, MAC)).as("nothing to identify by").isFalse();
    }
}
