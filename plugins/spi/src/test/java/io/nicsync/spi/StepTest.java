package io.nicsync.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepTest {
    static final VmRef VM = VmRef.of("lab", "web-01");
    static final NicSpec UPLINK = new NicSpec("uplink", MacAddress.parse("52:54:00:00:00:01"),
            NetworkRef.named("bridge", "br0"), "virtio", null, LinkState.UP, null);

    static LiveVm vm(LiveNic... nics) {
        return new LiveVm(VM, PowerState.RUNNING, "pc", List.of(nics), HotplugCapacity.slots(3, "3 free slots"),
                new Fingerprint("f"));
    }

    @Test
    void theInverseOfTheInverseIsTheStepItself() {
        List<Step> steps = List.of(
                new AddNic(VM, UPLINK, "r"),
                new UnplugNic(VM, UPLINK, "r"),
                new RepointNic(VM, UPLINK, UPLINK.network(), NetworkRef.named("bridge", "br1"), "r"),
                new SetLink(VM, UPLINK, LinkState.UP, LinkState.DOWN, true, "r"),
                new PersistNic(VM, UPLINK, null, "r"),
                new PersistNic(VM, UPLINK.withLink(LinkState.DOWN), UPLINK, "r"),
                new UnpersistNic(VM, UPLINK, "r"));
        for (Step step : steps) {
            Step back = step.inverse().orElseThrow().inverse().orElseThrow();
            assertThat(back).usingRecursiveComparison().ignoringFields("reason", "spec").isEqualTo(step);
            assertThat(back.nic()).isEqualTo(step.nic());
        }
    }

    @Test
    void migrationsAndRestartsCannotBeUndone() {
        assertThat(new Migrate(VM, List.of(UPLINK), "r").inverse()).isEmpty();
        assertThat(new RestartRequired(VM, List.of(UPLINK), "r").inverse()).isEmpty();
    }

    @Test
    void anAddIsVerifiedOnlyWhenTheNicIsPluggedOnTheWantedNetwork() {
        AddNic add = new AddNic(VM, UPLINK, "r");
        assertThat(add.verifiedBy(vm())).isFalse();
        assertThat(add.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), null, UPLINK, null)))).isFalse();
        NicSpec elsewhere = UPLINK.withNetwork(NetworkRef.named("bridge", "br9"));
        assertThat(add.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), elsewhere, null, null)))).isFalse();
        assertThat(add.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), UPLINK, null, "0000:00:03.0")))).isTrue();
    }

    @Test
    void anAddWithoutAMacAcceptsWhateverMacThePlatformAssigned() {
        AddNic add = new AddNic(VM, UPLINK.withMac(null), "r");
        NicSpec assigned = UPLINK.withMac(MacAddress.parse("52:54:00:aa:bb:cc"));
        assertThat(add.verifiedBy(vm(new LiveNic("uplink", assigned.mac(), assigned, null, null)))).isTrue();
    }

    @Test
    void anUnplugIsVerifiedOnlyWhenTheNicLeftTheRunningVm() {
        UnplugNic unplug = new UnplugNic(VM, UPLINK, "r");
        assertThat(unplug.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), UPLINK, UPLINK, null)))).isFalse();
        assertThat(unplug.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), null, UPLINK, null)))).isTrue();
    }

    @Test
    void aNicWithoutANameIsFoundByItsMac() {
        NicSpec unnamed = new NicSpec(null, UPLINK.mac(), UPLINK.network(), "virtio", null, LinkState.UP, null);
        UnplugNic unplug = new UnplugNic(VM, unnamed, "r");
        assertThat(unplug.nic()).isEqualTo("52:54:00:00:00:01");
        assertThat(unplug.verifiedBy(vm(new LiveNic(null, UPLINK.mac(), unnamed, null, null)))).isFalse();
        assertThat(unplug.verifiedBy(vm())).isTrue();
    }

    @Test
    void aPersistentLinkChangeIsVerifiedInBothDefinitions() {
        SetLink down = new SetLink(VM, UPLINK, LinkState.UP, LinkState.DOWN, true, "r");
        NicSpec downSpec = UPLINK.withLink(LinkState.DOWN);
        assertThat(down.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), downSpec, UPLINK, null)))).isFalse();
        assertThat(down.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), downSpec, downSpec, null)))).isTrue();
    }

    @Test
    void persistingReplacesAnEntryAndItsInverseRestoresThePreviousOne() {
        NicSpec moved = UPLINK.withNetwork(NetworkRef.named("network", "lab"));
        PersistNic persist = new PersistNic(VM, moved, UPLINK, "r");
        assertThat(persist.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), UPLINK, UPLINK, null)))).isFalse();
        assertThat(persist.verifiedBy(vm(new LiveNic("uplink", UPLINK.mac(), UPLINK, moved, null)))).isTrue();
        assertThat(persist.inverse()).contains(new PersistNic(VM, UPLINK, moved, "undo: r"));
    }

    @Test
    void everyStepTypeCarriesOutTheOneActionThatNamesIt() {
        List<Step> one = List.of(new AddNic(VM, UPLINK, "r"), new UnplugNic(VM, UPLINK, "r"),
                new RepointNic(VM, UPLINK, UPLINK.network(), NetworkRef.named("bridge", "br1"), "r"),
                new SetLink(VM, UPLINK, LinkState.UP, LinkState.DOWN, true, "r"), new PersistNic(VM, UPLINK, null, "r"),
                new UnpersistNic(VM, UPLINK, "r"), new Migrate(VM, List.of(UPLINK), "r"),
                new RestartRequired(VM, List.of(UPLINK), "r"));
        assertThat(one.stream().map(s -> (Object) s.action().type()).toList())
                .containsExactlyInAnyOrder((Object[]) Step.class.getPermittedSubclasses());
        assertThat(one).allSatisfy(s -> assertThat(s.action().type()).isEqualTo(s.getClass()));
        assertThat(one).extracting(Step::action).containsExactlyInAnyOrder(Action.values());
        assertThat(java.util.Arrays.stream(Action.values()).map(Action::rank)).doesNotHaveDuplicates();
        assertThat(Action.ofWord("set-link")).contains(Action.SET_LINK);
        assertThat(Action.ofWord("link")).isEmpty();
    }
}
