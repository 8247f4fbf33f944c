package io.nicsync.plugin.kubevirt.sim;

/**
 * What kind of cluster the simulator plays: the KubeVirt release (1.{@code minor}) and the cluster's
 * features. Each {@code with...} returns a changed copy.
 *
 * @param minor KubeVirt 1.minor (0 is v1.0, the imperative addinterface API)
 * @param dynamicNetworks multus thick plugin and the dynamic-networks controller run: NICs are plugged in place
 * @param liveMigrateUpdates the KubeVirt CR lists {@code LiveMigrate} in workloadUpdateMethods (v1.6+ then
 *     migrates by itself)
 * @param migrationSucceeds how migrations end
 * @param migrationsForbidden the caller may not create VirtualMachineInstanceMigrations (KubeVirt v1.5 RBAC)
 * @param hotplugGate the HotplugNICs feature gate is on (needed before v1.4)
 * @param liveUpdateRollout vmRolloutStrategy is LiveUpdate (from v1.2; NIC changes reach the VMI either way)
 * @param nadRefGate the LiveUpdateNADRef feature gate is on (beta in v1.8, where a NAD change needs it; GA in v1.9)
 * @param podBinding the binding KubeVirt gives the pod interface it adds to a VM that names no network
 *     (KubeVirt CR {@code spec.configuration.network.defaultNetworkInterface}, {@code bridge} unless set)
 */
public record SimConfig(
        int minor,
        boolean dynamicNetworks,
        boolean liveMigrateUpdates,
        boolean migrationSucceeds,
        boolean migrationsForbidden,
        boolean hotplugGate,
        boolean liveUpdateRollout,
        boolean nadRefGate,
        String podBinding) {

    /** A healthy cluster of KubeVirt 1.{@code minor} with in-place hotplug and every NIC feature gate it has. */
    public static SimConfig v1(int minor) {
        return new SimConfig(minor, true, true, true, false, true, true, true, "bridge");
    }

    public String version() {
        return "v1." + minor + ".0";
    }

    public boolean declarative() {
        return minor >= 1;
    }

    public SimConfig withDynamicNetworks(boolean on) {
        return new SimConfig(minor, on, liveMigrateUpdates, migrationSucceeds, migrationsForbidden, hotplugGate,
                liveUpdateRollout, nadRefGate, podBinding);
    }

    public SimConfig withLiveMigrateUpdates(boolean on) {
        return new SimConfig(minor, dynamicNetworks, on, migrationSucceeds, migrationsForbidden, hotplugGate,
                liveUpdateRollout, nadRefGate, podBinding);
    }

    public SimConfig withMigrationSucceeding(boolean succeeds) {
        return new SimConfig(minor, dynamicNetworks, liveMigrateUpdates, succeeds, migrationsForbidden, hotplugGate,
                liveUpdateRollout, nadRefGate, podBinding);
    }

    public SimConfig withMigrationsForbidden(boolean forbidden) {
        return new SimConfig(minor, dynamicNetworks, liveMigrateUpdates, migrationSucceeds, forbidden, hotplugGate,
                liveUpdateRollout, nadRefGate, podBinding);
    }

    public SimConfig withHotplugGate(boolean on) {
        return new SimConfig(minor, dynamicNetworks, liveMigrateUpdates, migrationSucceeds, migrationsForbidden, on,
                liveUpdateRollout, nadRefGate, podBinding);
    }

    public SimConfig withLiveUpdateRollout(boolean on) {
        return new SimConfig(minor, dynamicNetworks, liveMigrateUpdates, migrationSucceeds, migrationsForbidden,
                hotplugGate, on, nadRefGate, podBinding);
    }

    public SimConfig withNadRefGate(boolean on) {
        return new SimConfig(minor, dynamicNetworks, liveMigrateUpdates, migrationSucceeds, migrationsForbidden,
                hotplugGate, liveUpdateRollout, on, podBinding);
    }

    public SimConfig withPodBinding(String binding) {
        return new SimConfig(minor, dynamicNetworks, liveMigrateUpdates, migrationSucceeds, migrationsForbidden,
                hotplugGate, liveUpdateRollout, nadRefGate, binding);
    }
}
