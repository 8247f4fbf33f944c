package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.VmRef;
import org.junit.jupiter.api.Test;

/**
 * A multus reference without a namespace means the VM's own, wherever it is read: the short and the long spelling
 * are one network to the one NIC matcher, and a NAD of the same name in another namespace is another network.
 */
class NetworksTest {
    private static final VmRef WEB = new VmRef("sim", "prod", "web");

    @Test
    void aShortMultusNameIsTheNadInTheVmsNamespace() {
        NetworkRef desired = Networks.MULTUS_KIND.decode("blue", WEB);
        NetworkRef written = Networks.MULTUS_KIND.decode("prod/blue", WEB);
        NetworkRef observed = Networks.multus("blue", "prod");

        assertThat(desired).isEqualTo(written).isEqualTo(observed);
        assertThat(Nics.satisfies(nic(observed), nic(desired))).isTrue();
        assertThat(Nics.differences(nic(observed), nic(desired))).isEmpty();
    }

    @Test
    void theSameNameInAnotherNamespaceIsAnotherNetwork() {
        NetworkRef desired = Networks.MULTUS_KIND.decode("blue", WEB);
        NetworkRef elsewhere = Networks.multus("shared/blue", "prod");

        assertThat(Nics.satisfies(nic(elsewhere), nic(desired))).isFalse();
        assertThat(Nics.differences(nic(elsewhere), nic(desired)))
                .containsExactly("network multus shared/blue -> multus prod/blue");
    }

    @Test
    void importWritesTheShortFormInTheVmsNamespaceOnly() {
        assertThat(Networks.MULTUS_KIND.encode(Networks.multus("blue", "prod"), WEB)).isEqualTo("blue");
        assertThat(Networks.MULTUS_KIND.encode(Networks.multus("shared/blue", "prod"), WEB)).isEqualTo("shared/blue");
    }

    private static NicSpec nic(NetworkRef network) {
        return new NicSpec("blue", null, network, null, null, LinkState.UP, null);
    }
}
