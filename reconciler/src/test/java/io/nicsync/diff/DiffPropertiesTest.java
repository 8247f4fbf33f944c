package io.nicsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.diff.NicChange.Missing;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Presence;
import io.nicsync.testing.RandomVms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DiffPropertiesTest {

    @Provide
    Arbitrary<RandomVms.Pair> pairs() {
        return RandomVms.pairs();
    }

    @Provide
    Arbitrary<DesiredVm> desired() {
        return RandomVms.desired();
    }

    @Provide
    Arbitrary<PowerState> power() {
        return Arbitraries.of(PowerState.RUNNING, PowerState.STOPPED);
    }

    @Property
    void a_vm_built_exactly_from_its_desired_state_has_no_changes(@ForAll("desired") DesiredVm desired,
            @ForAll("power") PowerState power) {
        assertThat(Diff.diff(desired, builtFrom(desired, power))).isEmpty();
    }

    @Property
    void every_desired_nic_missing_from_a_running_vm_is_added(@ForAll("pairs") RandomVms.Pair pair) {
        var live = pair.live();
        var changes = Diff.diff(pair.desired(), live);
        for (DesiredNic nic : pair.desired().nics()) {
            boolean observed = live.nic(nic.name()).isPresent()
                    || nic.mac() != null && live.nicByMac(nic.mac()).filter(l -> l.name() == null).isPresent();
            if (live.power().live() && nic.state() == Presence.PRESENT && !observed) {
                assertThat(changes).anyMatch(c -> c instanceof Missing m && m.nic().equals(nic.name()));
            }
        }
    }

    @Property
    void diff_never_mentions_a_nic_unknown_to_both(@ForAll("pairs") RandomVms.Pair pair) {
        Set<String> known = new HashSet<>();
        pair.desired().nics().forEach(n -> known.add(n.name()));
        pair.live().nics().forEach(n -> known.add(n.label()));
        assertThat(Diff.diff(pair.desired(), pair.live())).allSatisfy(c -> assertThat(known).contains(c.nic()));
    }

    @Property
    void a_stopped_vm_gets_no_live_changes(@ForAll("pairs") RandomVms.Pair pair) {
        if (pair.live().power().live()) {
            return;
        }
        assertThat(Diff.diff(pair.desired(), pair.live())).noneMatch(c -> c instanceof Missing
                || c instanceof NicChange.Unwanted || c instanceof NicChange.NetworkChange
                || c instanceof NicChange.LinkChange || c instanceof NicChange.FixedChange);
    }

    /** The observed VM that has exactly what {@code desired} asks for, omitted fields filled by the "platform". */
    private static LiveVm builtFrom(DesiredVm desired, PowerState power) {
        var nics = new ArrayList<LiveNic>();
        int i = 0;
        for (DesiredNic nic : desired.nics()) {
            i++;
            if (nic.state() == Presence.ABSENT || !power.live() && !nic.persist()) {
                continue;
            }
            var mac = nic.mac() != null ? nic.mac() : new MacAddress(String.format("52:54:00:99:00:%02x", i));
            var spec = new NicSpec(nic.name(), mac, nic.network(), nic.model() != null ? nic.model() : "virtio",
                    nic.binding(), nic.link(), nic.bootOrder());
            nics.add(new LiveNic(nic.name(), mac, power.live() ? spec : null, nic.persist() ? spec : null, null));
        }
        return new LiveVm(desired.ref(), power, "q35", List.copyOf(nics), HotplugCapacity.slots(1, "1 free"),
                new Fingerprint("f"));
    }
}
