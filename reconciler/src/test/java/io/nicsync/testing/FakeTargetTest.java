package io.nicsync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeTargetTest {
    private static final VmRef VM = VmRef.of("lab", "web-01");
    private static final Duration T = Duration.ofSeconds(1);
    private static final NicSpec ETH0 = new NicSpec("eth0", new MacAddress("52:54:00:00:00:01"),
            NetworkRef.named("bridge", "br0"), "virtio", null, LinkState.UP, null);
    private static final NicSpec UPLINK = new NicSpec("uplink", null, NetworkRef.named("bridge", "br-prod"), null, null,
            LinkState.UP, null);

    private static FakeTarget target(int freeSlots) {
        var vm = new LiveVm(VM, PowerState.RUNNING, "q35", List.of(new LiveNic("eth0", ETH0.mac(), ETH0, ETH0, null)),
                HotplugCapacity.slots(freeSlots, freeSlots + " free"), new Fingerprint("initial"));
        return new FakeTarget("lab", FakeCapabilities.libvirt()).put(vm);
    }

    @Test
    void an_add_plugs_the_nic_uses_a_slot_and_changes_the_fingerprint() throws TargetException {
        var target = target(1);
        var step = new AddNic(VM, UPLINK, "test");

        target.execute(step, T);

        var after = target.observe(VM);
        assertThat(step.verifiedBy(after)).isTrue();
        assertThat(after.capacity().freeSlots()).isZero();
        assertThat(after.fingerprint()).isNotEqualTo(new Fingerprint("initial"));
        assertThat(after.nic("uplink").orElseThrow().mac()).as("a MAC was assigned").isNotNull();
    }

    @Test
    void an_add_without_a_free_slot_fails_with_no_capacity() {
        var target = target(0);
        assertThatThrownBy(() -> target.execute(new AddNic(VM, UPLINK, "test"), T))
                .isInstanceOfSatisfying(TargetException.class,
                        e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.NO_CAPACITY));
    }

    @Test
    void the_kth_step_fails_when_told_to() throws TargetException {
        var target = target(2).failStep(2);
        target.execute(new PersistNic(VM, UPLINK, null, "one"), T);
        assertThatThrownBy(() -> target.execute(new AddNic(VM, UPLINK, "two"), T))
                .isInstanceOfSatisfying(TargetException.class,
                        e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.REFUSED));
        assertThat(target.executed()).hasSize(2);
    }

    @Test
    void a_nic_that_is_never_released_stays_plugged_after_an_accepted_unplug() throws TargetException {
        var target = target(0).neverRelease("eth0");
        var unplug = new UnplugNic(VM, ETH0, "test");

        target.execute(unplug, T);

        assertThat(unplug.verifiedBy(target.observe(VM))).isFalse();
    }

    @Test
    void a_persisted_nic_keeps_the_mac_it_was_plugged_with_and_a_restart_brings_in_the_definition()
            throws TargetException {
        var target = target(1);
        target.execute(new AddNic(VM, UPLINK, "plug"), T);
        target.execute(new PersistNic(VM, UPLINK, null, "persist"), T);
        var nic = target.observe(VM).nic("uplink").orElseThrow();
        assertThat(nic.persistent().mac()).isEqualTo(nic.mac());

        target.execute(new UnplugNic(VM, nic.live(), "unplug live only"), T);
        var restart = new RestartRequired(VM, List.of(UPLINK), "restart");
        target.execute(restart, T);

        assertThat(restart.verifiedBy(target.observe(VM))).isTrue();
    }
}
