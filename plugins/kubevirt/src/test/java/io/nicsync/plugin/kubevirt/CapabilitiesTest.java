package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    private static final NicSpec BRIDGE = nic("bridge", Networks.multus("blue", "prod"));
    private static final NicSpec SRIOV = nic("sriov", Networks.multus("sriov/vf", "prod"));
    private static final NicSpec POD = nic("masquerade", NetworkRef.of("pod"));
    private static final LiveVm RUNNING = new LiveVm(Lab.WEB01, PowerState.RUNNING, null, List.of(),
            HotplugCapacity.slots(2, "test"), new Fingerprint("f"));

    private static NicSpec nic(String binding, NetworkRef network) {
        return new NicSpec("n", null, network, "virtio", binding, LinkState.UP, null);
    }

    private static KubevirtCapabilities on(String version, HotplugMode mode, String... gates) {
        return new KubevirtCapabilities(
                new ClusterInfo(Version.parse(version), Set.of(gates), true, true, "bridge"), mode);
    }

    @Test
    void theRolloutStrategyHoldsNoNicChangeBack() {
        var kubevirt = Fixtures.object("kubevirt-cr/stage-v1.5.yaml");
        var staged = new KubevirtCapabilities(ClusterInfo.of(kubevirt, true), HotplugMode.IN_PLACE);
        assertThat(kubevirt.at("/spec/configuration/vmRolloutStrategy").asText()).isEqualTo("Stage");
        assertThat(staged.canHotplug(RUNNING, BRIDGE)).isTrue();
    }

    @Test
    void thePodInterfaceKubevirtAddsHasTheBindingTheCrSays() {
        assertThat(ClusterInfo.of(Fixtures.object("kubevirt-cr/stage-v1.5.yaml"), true).podBinding())
                .isEqualTo("masquerade");
        var plain = Fixtures.object("kubevirt-cr/stage-v1.5.yaml");
        ((com.fasterxml.jackson.databind.node.ObjectNode) plain.at("/spec/configuration")).remove("network");
        assertThat(ClusterInfo.of(plain, true).podBinding()).isEqualTo("bridge");
    }

    @Test
    void onV1_0AddinterfaceExpressesNoMacOfChoice() {
        var v1 = on("v1.0.0", HotplugMode.IN_PLACE, "HotplugNICs");
        assertThat(v1.canHotplug(RUNNING, BRIDGE)).isTrue();
        assertThat(v1.canHotplug(RUNNING, BRIDGE.withMac(io.nicsync.spi.MacAddress.parse("52:54:00:00:00:09"))))
                .isFalse();
    }

    @Test
    void bridgeIsPluggedInPlaceAndSriovOnlyByMigration() {
        assertThat(on("v1.6.0", HotplugMode.IN_PLACE).canHotplug(RUNNING, BRIDGE)).isTrue();
        assertThat(on("v1.6.0", HotplugMode.IN_PLACE).canHotplug(RUNNING, SRIOV)).isFalse();
        assertThat(on("v1.6.0", HotplugMode.MIGRATION).canHotplug(RUNNING, SRIOV)).isTrue();
        assertThat(on("v1.6.0", HotplugMode.IN_PLACE).canHotplug(RUNNING, POD)).isFalse();
    }

    @Test
    void beforeV1_4HotplugNeedsTheGate() {
        assertThat(on("v1.3.1", HotplugMode.IN_PLACE).canHotplug(RUNNING, BRIDGE)).isFalse();
        assertThat(on("v1.3.1", HotplugMode.IN_PLACE, "HotplugNICs").canHotplug(RUNNING, BRIDGE)).isTrue();
    }

    @Test
    void onlyBridgeNicsOnSecondaryNetworksUnplug() {
        var caps = on("v1.6.0", HotplugMode.IN_PLACE);
        assertThat(caps.canUnplug(RUNNING, new LiveNic("n", null, BRIDGE, BRIDGE, null))).isTrue();
        assertThat(caps.canUnplug(RUNNING, new LiveNic("n", null, SRIOV, SRIOV, null))).isFalse();
        assertThat(caps.canUnplug(RUNNING, new LiveNic("n", null, POD, POD, null))).isFalse();
    }

    @Test
    void linkStateFromV1_5ButNotForSriov() {
        assertThat(on("v1.4.0", HotplugMode.IN_PLACE).canSetLinkLive(BRIDGE)).isFalse();
        assertThat(on("v1.5.0", HotplugMode.IN_PLACE).canSetLinkLive(BRIDGE)).isTrue();
        assertThat(on("v1.5.0", HotplugMode.IN_PLACE).canSetLinkLive(SRIOV)).isFalse();
    }

    @Test
    void aLiveNadChangeFromV1_8WithItsBetaGateAndFromV1_9() {
        NetworkRef red = Networks.multus("red", "prod");
        assertThat(on("v1.7.2", HotplugMode.IN_PLACE).canRepointLive(BRIDGE, red)).isFalse();
        assertThat(on("v1.8.0", HotplugMode.IN_PLACE).canRepointLive(BRIDGE, red)).isFalse();
        assertThat(on("v1.8.0", HotplugMode.IN_PLACE, "LiveUpdateNADRef").canRepointLive(BRIDGE, red)).isTrue();
        assertThat(on("v1.9.0", HotplugMode.IN_PLACE).canRepointLive(BRIDGE, red)).isTrue();
    }

    @Test
    void theTemplateIsBothDefinitions() {
        assertThat(on("v1.6.0", HotplugMode.IN_PLACE).separatePersistentDefinition()).isFalse();
    }

    @Test
    void autoHotplugFollowsTheDynamicNetworksController() {
        ClusterInfo with = new ClusterInfo(Version.parse("v1.6.0"), Set.of(), true, true, "bridge");
        ClusterInfo without = new ClusterInfo(Version.parse("v1.6.0"), Set.of(), true, false, "bridge");
        assertThat(HotplugSetting.AUTO.mode(with)).isEqualTo(HotplugMode.IN_PLACE);
        assertThat(HotplugSetting.AUTO.mode(without)).isEqualTo(HotplugMode.MIGRATION);
        assertThat(HotplugSetting.IN_PLACE.mode(without)).isEqualTo(HotplugMode.IN_PLACE);
    }
}
