package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.Target;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A configuration-only change on a running instance, as a plan makes it when a NIC cannot be hotplugged: Ganeti's
 * configuration has the NIC, the VM does not, and RAPI cannot tell. The plugin's ledger keeps observing true: through
 * a soft reboot (which restarts QEMU from the old runtime record, so the NIC still is not there), until a hard
 * reboot (which builds the VM from the configuration).
 */
class DeferredChangeIT {
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

    private static NicSpec spec(String name, String mac) {
        return new NicSpec(name, MacAddress.parse(mac), NetworkRef.named("bridge", "gnt-br1"), null, null,
                LinkState.UP, null);
    }

    @Test
    void observingStaysTrueThroughASoftRebootAndAHardRebootEndsTheDifference() throws Exception {
        NicSpec later = spec("later", "aa:00:00:5a:03:01");
        target.execute(new PersistNic(instance.ref(), later, null, "t"), TIMEOUT);
        String device = GanetiLab.deviceId(instance.uuidOf("later"));

        LiveVm vm = target.observe(instance.ref());
        assertThat(vm.nic("later").orElseThrow()).satisfies(n -> {
            assertThat(n.persisted()).isTrue();
            assertThat(n.plugged()).isFalse();
        });
        assertThat(GanetiLab.qemuNics(instance.name())).doesNotContainKey(device);
        assertThat(GanetiLab.tags(instance.name())).singleElement().asString().startsWith("nicsync:vm-lacks:");

        GanetiLab.job("POST", "/2/instances/" + instance.name() + "/reboot?type=soft", "{}");
        instance.awaitGuest();
        assertThat(GanetiLab.qemuNics(instance.name())).as("a soft reboot keeps the old runtime record")
                .doesNotContainKey(device);
        assertThat(target.observe(instance.ref()).nic("later").orElseThrow().plugged()).isFalse();

        GanetiLab.job("POST", "/2/instances/" + instance.name() + "/reboot?type=hard", "{\"shutdown_timeout\": 20}");
        instance.awaitGuest();
        assertThat(GanetiLab.qemuNics(instance.name())).containsKey(device);
        LiveVm rebuilt = target.observe(instance.ref());
        assertThat(rebuilt.nic("later").orElseThrow().plugged()).as("the hard reboot's job ended the entry").isTrue();
        assertThat(rebuilt.fingerprint()).isNotEqualTo(vm.fingerprint());

        // the next step on the instance removes the entry the reboot ended
        target.execute(new AddNic(instance.ref(), spec("next", "aa:00:00:5a:03:02"), "t"), TIMEOUT);
        assertThat(GanetiLab.tags(instance.name())).noneMatch(t -> t.startsWith("nicsync:vm-lacks"));
    }

    @Test
    void anAddOfAConfiguredNicTheVmLacksPlugsItWithItsMac() throws Exception {
        NicSpec pending = spec("pending", "aa:00:00:5a:03:03");
        target.execute(new PersistNic(instance.ref(), pending, null, "t"), TIMEOUT);
        AddNic add = new AddNic(instance.ref(), pending, "t");
        assertThat(add.verifiedBy(target.observe(instance.ref()))).isFalse();

        target.execute(add, TIMEOUT);

        assertThat(add.verifiedBy(target.observe(instance.ref()))).isTrue();
        assertThat(GanetiLab.qemuNics(instance.name())).containsKey(GanetiLab.deviceId(instance.uuidOf("pending")));
        GanetiLab.await("the guest seeing the NIC", Duration.ofSeconds(30),
                () -> GanetiLab.guestMacs(instance.name()).contains("aa:00:00:5a:03:03"));
        assertThat(GanetiLab.tags(instance.name())).noneMatch(t -> t.contains(instance.uuidOf("pending")));
    }
}
