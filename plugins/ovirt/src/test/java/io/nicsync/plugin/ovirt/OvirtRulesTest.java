package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the engine has no way to do, refused before anything connects, each at its node of the document. */
class OvirtRulesTest {

    private static DesiredNic nic(String name, boolean persist, Integer bootOrder, Presence state) {
        return new DesiredNic(name, Networks.profile("lab-a", "lab-a"), null, null, null, LinkState.UP, state, persist,
                bootOrder);
    }

    @Test
    void persistFalseBootOrderLongNamesAndNamespacesAreRefused() {
        var vm = new DesiredVm(new VmRef("dc1", "prod", "web-01"), UnmanagedPolicy.IGNORE, List.of(
                nic("ok", true, null, Presence.PRESENT),
                nic("live-only", false, null, Presence.PRESENT),
                nic("booting", true, 2, Presence.PRESENT),
                nic("n".repeat(51), true, null, Presence.PRESENT),
                nic("gone", false, null, Presence.ABSENT)));
        assertThat(OvirtRules.check(vm)).extracting(Finding::path).containsExactly("/metadata/namespace",
                "/spec/nics/1/persist", "/spec/nics/2/bootOrder", "/spec/nics/3/name");
        assertThat(OvirtRules.check(vm).get(1).message()).startsWith("oVirt NICs are always part of the VM's"
                + " configuration");
        assertThat(OvirtRules.check(new DesiredVm(VmRef.of("dc1", "web-01"), UnmanagedPolicy.IGNORE,
                List.of(nic("n".repeat(50), true, null, Presence.PRESENT))))).isEmpty();
    }
}
