package io.nicsync.plugin.libvirt;

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

class LibvirtRulesTest {

    @Test
    void acceptsAPlainBridgeNic() {
        assertThat(LibvirtRules.check(vm(null, nic(null)))).isEmpty();
    }

    @Test
    void aNamespaceIsAnError() {
        assertThat(LibvirtRules.check(vm("prod", nic(null))))
                .extracting(Finding::path, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/metadata/namespace", Finding.Severity.ERROR));
    }

    @Test
    void declaresNoBindings() {
        assertThat(new LibvirtPlugin().bindings().exists()).isFalse();
    }

    private static DesiredNic nic(String binding) {
        return new DesiredNic("uplink", NetworkRef.named("bridge", "br0"), binding, null, null, LinkState.UP,
                Presence.PRESENT, true, null);
    }

    private static DesiredVm vm(String namespace, DesiredNic... nics) {
        return new DesiredVm(new VmRef("lab", namespace, "lab-q35"), UnmanagedPolicy.IGNORE, List.of(nics));
    }
}
