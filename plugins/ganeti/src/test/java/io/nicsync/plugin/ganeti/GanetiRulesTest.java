package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class GanetiRulesTest {
    private static final NetworkRef BR = NetworkRef.named("bridge", "gnt-br0");

    private static DesiredNic nic(String name, String model, LinkState link, boolean persist, Integer bootOrder) {
        return new DesiredNic(name, BR, null, model, null, link, Presence.PRESENT, persist, bootOrder);
    }

    private static List<Finding> check(DesiredNic... nics) {
        return GanetiRules.check(new DesiredVm(VmRef.of("gnt", "web.example.org"), UnmanagedPolicy.IGNORE,
                List.of(nics)));
    }

    @Test
    void aPlainNicIsFine() {
        assertThat(check(nic("uplink", "virtio", LinkState.UP, true, null))).isEmpty();
    }

    @Test
    void whatGanetiCannotDoIsAnErrorAtTheKeyThatAsksForIt() {
        List<Finding> findings = check(
                nic("uplink", "virtio", LinkState.DOWN, true, null),
                nic("backup", null, LinkState.UP, false, 2),
                nic("42", "e1000", LinkState.UP, true, null),
                nic("none", null, LinkState.UP, true, null));

        assertThat(findings).extracting(Finding::path).containsExactly("/spec/nics/0/link", "/spec/nics/1/persist",
                "/spec/nics/1/bootOrder", "/spec/nics/2/name", "/spec/nics/2/model", "/spec/nics/3/name");
        assertThat(findings).allMatch(f -> f.severity() == Finding.Severity.ERROR);
        assertThat(findings.get(4).message()).isEqualTo("Ganeti's KVM has one nic_type per instance, for all its"
                + " NICs: 42 says e1000 but uplink says virtio");
    }

    @Test
    void anAbsentNicNeedsNothingButAName() {
        var gone = new DesiredNic("old", BR, null, null, null, LinkState.DOWN, Presence.ABSENT, false, null);

        assertThat(check(gone)).isEmpty();
    }

    @Test
    void anIsaCardIsAWarning() {
        assertThat(check(nic("legacy", "ne2k_isa", LinkState.UP, true, null))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
    }

    @Test
    void instancesHaveNoNamespace() {
        var vm = new DesiredVm(new VmRef("gnt", "prod", "web"), UnmanagedPolicy.IGNORE, List.of());

        assertThat(GanetiRules.check(vm)).extracting(Finding::path).containsExactly("/metadata/namespace");
    }
}
