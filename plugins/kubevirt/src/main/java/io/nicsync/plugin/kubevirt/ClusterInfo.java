package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What the KubeVirt CR and the cluster say about NIC changes.
 *
 * @param featureGates {@code spec.configuration.developerConfiguration.featureGates}
 * @param rolloutStrategy {@code spec.configuration.vmRolloutStrategy}, null when unset
 * @param liveMigrateUpdates {@code spec.workloadUpdateStrategy.workloadUpdateMethods} has {@code LiveMigrate}
 * @param dynamicNetworks the multus dynamic-networks controller runs (in-place hotplug possible)
 */
record ClusterInfo(
        Version version,
        Set<String> featureGates,
        String rolloutStrategy,
        boolean liveMigrateUpdates,
        boolean dynamicNetworks) {

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
        String rollout = configuration.path("vmRolloutStrategy").asText(null);
        return new ClusterInfo(Version.parse(kubevirt.path("status").path("observedKubeVirtVersion").asText()), gates,
                rollout, liveMigrate, dynamicNetworks);
    }

    /** Before v1.4 NIC hotplug sits behind the HotplugNICs gate (GA in v1.4, gate removed after). */
    boolean hotplugGateMissing() {
        return !version.atLeast(4) && !featureGates.contains("HotplugNICs");
    }

    /**
     * From v1.2 template changes reach a running VMI only with {@code vmRolloutStrategy: LiveUpdate}
     * (the default from v1.6).
     */
    boolean templateChangesStaged() {
        if (!version.atLeast(2)) {
            return false;
        }
        String effective = rolloutStrategy != null ? rolloutStrategy : version.atLeast(6) ? "LiveUpdate" : "Stage";
        return !effective.equals("LiveUpdate");
    }

    /** v1.6+ migrate a VMI by themselves when a NIC change needs it, if the CR allows LiveMigrate updates. */
    boolean migratesByItself() {
        return version.atLeast(6) && liveMigrateUpdates;
    }
}
