package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What the KubeVirt CR and the cluster say about NIC changes.
 *
 * @param featureGates {@code spec.configuration.developerConfiguration.featureGates}
 * @param liveMigrateUpdates {@code spec.workloadUpdateStrategy.workloadUpdateMethods} has {@code LiveMigrate}
 * @param dynamicNetworks the multus dynamic-networks controller runs (in-place hotplug possible)
 * @param podBinding the binding of the pod interface KubeVirt adds to a VM whose template names no network
 *     ({@code spec.configuration.network.defaultNetworkInterface}, {@code bridge} unless set)
 */
record ClusterInfo(
        Version version,
        Set<String> featureGates,
        boolean liveMigrateUpdates,
        boolean dynamicNetworks,
        String podBinding) {
    /** KubeVirt's default for {@code defaultNetworkInterface} ({@code virtconfig.DefaultNetworkInterface}). */
    static final String DEFAULT_POD_BINDING = "bridge";

    ClusterInfo {
        featureGates = Set.copyOf(featureGates);
    }

    static ClusterInfo of(JsonNode kubevirt, boolean dynamicNetworks) {
        JsonNode configuration = kubevirt.path("spec").path("configuration");
        Set<String> gates = new HashSet<>();
        configuration.path("developerConfiguration").path("featureGates").forEach(g -> gates.add(g.asText()));
        boolean liveMigrate = false;
        for (JsonNode method : kubevirt.path("spec").path("workloadUpdateStrategy").path("workloadUpdateMethods")) {
            liveMigrate |= "LiveMigrate".equals(method.asText());
        }
        String podBinding = configuration.path("network").path("defaultNetworkInterface").asText("");
        return new ClusterInfo(Version.parse(kubevirt.path("status").path("observedKubeVirtVersion").asText()), gates,
                liveMigrate, dynamicNetworks, podBinding.isEmpty() ? DEFAULT_POD_BINDING : podBinding);
    }

    /**
     * Before v1.4 NIC hotplug sits behind the HotplugNICs gate (GA in v1.4, gate removed after). Nothing else of
     * the CR holds NIC changes back: the VM controller carries them to the VMI whatever the rollout strategy.
     */
    boolean hotplugGateMissing() {
        return !version.atLeast(4) && !featureGates.contains("HotplugNICs");
    }

    /** A running VM's NIC can move to another NAD: v1.9, or v1.8 with the (beta) LiveUpdateNADRef gate. */
    boolean liveNadChange() {
        return version.atLeast(9) || version.atLeast(8) && featureGates.contains("LiveUpdateNADRef");
    }

    /** v1.6+ migrate a VMI by themselves when a NIC change needs it, if the CR allows LiveMigrate updates. */
    boolean migratesByItself() {
        return version.atLeast(6) && liveMigrateUpdates;
    }
}
