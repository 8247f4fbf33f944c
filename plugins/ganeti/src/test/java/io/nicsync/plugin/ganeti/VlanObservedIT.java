package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A bridged NIC with a Ganeti VLAN, in a stopped instance's configuration (the lab's kernel has no bridge VLAN
 * filtering, so no instance with one could start): nicsync observes it as {@code bridge-vlan} with Ganeti's VLAN
 * text, never as the plain bridge (which {@code nic.vlans} alone would make it), and moving it onto a {@code bridge}
 * clears the VLAN in Ganeti's configuration.
 */
class VlanObservedIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aVlanNicIsObservedWithItsVlanAndAMoveOntoABridgeClearsIt() throws Exception {
        GanetiLab.require();
        try (LabInstance instance = LabInstance.stopped(LabInstance.Kind.KERNEL); Target target = GanetiLab.open()) {
            GanetiLab.job("PUT", "/2/instances/" + instance.name() + "/modify",
                    "{\"nics\": [[\"add\", \"-1\", {\"link\": \"gnt-br1\", \"vlan\": \".100\", \"name\": \"tagged\"}]]}");
            // Ganeti's own record: custom_nicparams (3.0.2 answers nic.vlans with null, a VLAN set or not)
            assertThat(instance.ganeti().path("custom_nicparams").path(1).path("vlan").asText()).isEqualTo(".100");

            LiveVm vm = target.observe(instance.ref());
            LiveNic tagged = vm.nic("tagged").orElseThrow();
            NetworkRef vlan = NetworkRef.of("bridge-vlan", "link", "gnt-br1", "vlan", ".100");
            assertThat(tagged.persistent().network()).isEqualTo(vlan);
            assertThat(tagged.persistent().network().display()).isEqualTo("bridge-vlan gnt-br1/.100");

            NicSpec onBridge = tagged.persistent().withNetwork(NetworkRef.named("bridge", "gnt-br1"));
            PersistNic move = new PersistNic(instance.ref(), onBridge, tagged.persistent(), "t");
            target.execute(move, TIMEOUT);
            assertThat(move.verifiedBy(target.observe(instance.ref()))).isTrue();
            assertThat(instance.ganeti().path("custom_nicparams").path(1).path("vlan").asText("")).isEmpty();
            assertThat(instance.ganeti().path("nic.links").path(1).asText()).isEqualTo("gnt-br1");
        }
    }
}
