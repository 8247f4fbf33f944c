package io.nicsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.diff.NicChange.Adopted;
import io.nicsync.diff.NicChange.MacInUse;
import io.nicsync.diff.NicChange.PersistentDrift;
import io.nicsync.diff.NicChange.PersistentLeftover;
import io.nicsync.diff.NicChange.Removal;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff rules that the fixture scenarios do not spell out. */
class DiffTest {
    private static final VmRef VM = new VmRef("prod", "apps", "vm");
    private static final MacAddress MAC_A = new MacAddress("52:54:00:00:00:0a");
    private static final MacAddress MAC_B = new MacAddress("52:54:00:00:00:0b");
    private static final NetworkRef BR0 = NetworkRef.named("bridge", "br0");

    private static DesiredNic desired(String name, NetworkRef network, MacAddress mac, boolean persist, Integer boot) {
        return new DesiredNic(name, network, null, null, mac, LinkState.UP, Presence.PRESENT, persist, boot);
    }

    private static NicSpec spec(String name, MacAddress mac, NetworkRef network, Integer boot) {
        return new NicSpec(name, mac, network, "virtio", null, LinkState.UP, boot);
    }

    private static LiveVm running(LiveNic... nics) {
        return new LiveVm(VM, PowerState.RUNNING, "q35", List.of(nics), HotplugCapacity.slots(1, "1"),
                new Fingerprint("f"));
    }

    private static List<NicChange> diff(UnmanagedPolicy policy, List<DesiredNic> nics, LiveVm live) {
        return Diff.diff(new DesiredVm(VM, policy, nics), live);
    }

    @Test
    void networks_compare_as_values_whatever_the_order_of_their_attributes() {
        var live = spec("data", MAC_A, NetworkRef.of("multus", "namespace", "apps", "name", "data-net"), null);
        var same = NetworkRef.of("multus", "name", "data-net", "namespace", "apps");
        var changes = diff(UnmanagedPolicy.IGNORE, List.of(desired("data", same, null, true, null)),
                running(new LiveNic("data", MAC_A, live, live, null)));
        assertThat(changes).isEmpty();

        var elsewhere = NetworkRef.of("multus", "namespace", "infra", "name", "data-net");
        assertThat(diff(UnmanagedPolicy.IGNORE, List.of(desired("data", elsewhere, null, true, null)),
                running(new LiveNic("data", MAC_A, live, live, null)))).isNotEmpty();
    }

    @Test
    void a_boot_order_is_compared_in_the_persistent_definition_only() {
        var plugged = spec("eth0", MAC_A, BR0, null);
        var persisted = spec("eth0", MAC_A, BR0, 2);
        var changes = diff(UnmanagedPolicy.IGNORE, List.of(desired("eth0", BR0, null, true, 2)),
                running(new LiveNic("eth0", MAC_A, plugged, persisted, null)));
        assertThat(changes).isEmpty();
    }

    @Test
    void a_mac_change_written_to_the_persistent_entry_leaves_only_the_plugged_nic_to_change() {
        var plugged = spec("eth0", MAC_A, BR0, null);
        var persisted = spec("eth0", MAC_B, BR0, null);
        var changes = diff(UnmanagedPolicy.IGNORE, List.of(desired("eth0", BR0, MAC_B, true, null)),
                running(new LiveNic("eth0", MAC_A, plugged, persisted, null)));
        assertThat(changes).as("the entry already names the MAC asked for").noneMatch(PersistentDrift.class::isInstance)
                .singleElement().isInstanceOf(NicChange.FixedChange.class);
    }

    @Test
    void persist_false_removes_the_persistent_entry_and_keeps_the_plugged_nic() {
        var both = spec("tmp", MAC_A, BR0, null);
        var changes = diff(UnmanagedPolicy.IGNORE, List.of(desired("tmp", BR0, null, false, null)),
                running(new LiveNic("tmp", MAC_A, both, both, null)));
        assertThat(changes).containsExactly(new PersistentLeftover(both, Removal.LIVE_ONLY));
    }

    @Test
    void an_unnamed_nic_with_the_declared_mac_is_adopted_and_found_by_mac() {
        var unnamed = spec(null, MAC_A, BR0, null);
        var changes = diff(UnmanagedPolicy.WARN, List.of(desired("legacy", BR0, MAC_A, true, null)),
                running(new LiveNic(null, MAC_A, unnamed, unnamed, null)));
        assertThat(changes).containsExactly(new Adopted("legacy", unnamed));
    }

    @Test
    void a_declared_mac_carried_by_another_nic_is_reported_and_that_nic_stays_unmanaged() {
        var named = spec("eth0", MAC_B, BR0, null);
        var other = spec(null, MAC_A, BR0, null);
        var changes = diff(UnmanagedPolicy.IGNORE, List.of(desired("eth0", BR0, MAC_A, true, null)),
                running(new LiveNic("eth0", MAC_B, named, named, null), new LiveNic(null, MAC_A, other, other, null)));
        assertThat(changes).contains(new MacInUse("eth0", other))
                .noneMatch(Adopted.class::isInstance)
                .anyMatch(c -> c instanceof NicChange.FixedChange f && f.fields().equals(
                        List.of("mac 52:54:00:00:00:0b -> 52:54:00:00:00:0a")));
    }

    @Test
    void omitted_fields_of_a_new_persistent_entry_come_from_the_plugged_nic() {
        var plugged = new NicSpec("eth0", MAC_A, BR0, "e1000", null, LinkState.UP, null);
        var changes = diff(UnmanagedPolicy.IGNORE, List.of(desired("eth0", BR0, null, true, null)),
                running(new LiveNic("eth0", MAC_A, plugged, null, null)));
        assertThat(changes).containsExactly(new PersistentDrift(plugged, null, List.of()));
    }
}
