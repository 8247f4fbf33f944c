package io.nicsync.plugin.kubevirt;

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

class KubevirtRulesTest {
    private static final NetworkRef POD = NetworkRef.of("pod");
    private static final NetworkRef NAD = Networks.multus("web/vlan20", "web");

    @Test
    void acceptsAPodNicWithMasqueradeAndAMultusNicWithDefaults() {
        assertThat(KubevirtRules.check(vm(nic("default", POD, "masquerade"), nic("storage", NAD, null)))).isEmpty();
    }

    @Test
    void requiresANamespaceAndALowerCaseName() {
        DesiredVm vm = new DesiredVm(new VmRef("prod", null, "Web_01"), UnmanagedPolicy.IGNORE, List.of());

        assertThat(KubevirtRules.check(vm)).extracting(Finding::path).containsExactly("/metadata", "/metadata/name");
    }

    @Test
    void aHotpluggedMultusNicNeedsBridgeOrSriovAndVirtio() {
        DesiredNic nic = new DesiredNic("storage", NAD, "passt", "e1000", null, LinkState.UP, Presence.PRESENT, true, null);

        assertThat(KubevirtRules.check(vm(nic))).extracting(Finding::path)
                .containsExactly("/spec/nics/0/binding", "/spec/nics/0/model");
        assertThat(KubevirtRules.check(vm(nic("storage", NAD, "sriov")))).isEmpty();
    }

    @Test
    void thePodNetworkIsNeverUnpluggedAndUsedOnce() {
        DesiredNic absent = new DesiredNic("default", POD, null, null, null, LinkState.UP, Presence.ABSENT, true, null);

        assertThat(KubevirtRules.check(vm(absent, nic("second", POD, null))))
                .extracting(Finding::path, Finding::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/spec/nics/0/state", Finding.Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("/spec/nics/1/network/pod", Finding.Severity.ERROR));
    }

    @Test
    void masqueradeOnlyOnThePodNetwork() {
        assertThat(KubevirtRules.check(vm(nic("storage", NAD, "masquerade")))).extracting(Finding::message)
                .anyMatch(m -> m.contains("masquerade works on the pod network only"));
    }

    @Test
    void linkStateCannotBeSetOnSriov() {
        DesiredNic sriov = new DesiredNic("fast", NAD, "sriov", null, null, LinkState.DOWN, Presence.PRESENT, true, null);
        DesiredNic plain = new DesiredNic("slow", NAD, null, null, null, LinkState.DOWN, Presence.PRESENT, true, null);

        assertThat(KubevirtRules.check(vm(sriov, plain))).extracting(Finding::path).containsExactly("/spec/nics/0/link");
    }

    @Test
    void persistFalseIsAWarning() {
        DesiredNic nic = new DesiredNic("storage", NAD, null, null, null, LinkState.UP, Presence.PRESENT, false, null);

        assertThat(KubevirtRules.check(vm(nic))).extracting(Finding::severity).containsExactly(Finding.Severity.WARNING);
    }

    private static DesiredNic nic(String name, NetworkRef network, String binding) {
        return new DesiredNic(name, network, binding, null, null, LinkState.UP, Presence.PRESENT, true, null);
    }

    private static DesiredVm vm(DesiredNic... nics) {
        return new DesiredVm(new VmRef("prod", "web", "web-01"), UnmanagedPolicy.IGNORE, List.of(nics));
    }
}
