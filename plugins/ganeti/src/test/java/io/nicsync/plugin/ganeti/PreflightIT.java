package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Preflight against the real cluster: every problem at once, bridges checked by Ganeti itself through dry-run jobs,
 * and nothing changed by any of it: not the configuration, not QEMU's bus (Ganeti 3.0.2 would hotplug during a dry
 * run that asked for hotplug).
 */
class PreflightIT {
    private static NicSpec nic(String name, NetworkRef network) {
        return new NicSpec(name, null, network, null, null, LinkState.UP, null);
    }

    @Test
    void everyProblemAtOnceAndNothingChanged() throws Exception {
        GanetiLab.require();
        try (LabInstance instance = LabInstance.running(LabInstance.Kind.KERNEL); Target target = GanetiLab.open()) {
            var qemuBefore = GanetiLab.qemuNics(instance.name());
            var ganetiBefore = instance.ganeti().path("nic.uuids");
            var gone = VmRef.of("gnt", "it-gone.ganeti.test");

            List<String> problems = target.preflight(List.of(
                    new AddNic(instance.ref(), nic("a", NetworkRef.named("bridge", "no-such-br")), "t"),
                    new AddNic(instance.ref(), nic("b", NetworkRef.named("network", "no-such-net")), "t"),
                    new AddNic(instance.ref(), nic("c", NetworkRef.named("bridge", "gnt-br1")), "t"),
                    new AddNic(instance.ref(), nic("d", NetworkRef.named("network", "labnet")), "t"),
                    new UnplugNic(instance.ref(), nic("eth0", NetworkRef.named("bridge", "gnt-br0")), "t"),
                    new AddNic(gone, nic("x", NetworkRef.named("bridge", "gnt-br1")), "t")));

            assertThat(problems).containsExactly(
                    instance.name() + "/b: no Ganeti network no-such-net (gnt-network list)",
                    instance.name() + ": bridge no-such-br: Ganeti refuses it: Error checking bridges on node '"
                            + GanetiLab.get("NODE") + "': Missing bridges no-such-br (OpPrereqError, environment_error)",
                    "it-gone.ganeti.test: no such instance on target gnt");
            assertThat(GanetiLab.qemuNics(instance.name())).isEqualTo(qemuBefore);
            assertThat(instance.ganeti().path("nic.uuids")).isEqualTo(ganetiBefore);
        }
    }
}
