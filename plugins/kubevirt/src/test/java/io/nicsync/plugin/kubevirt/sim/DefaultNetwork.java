package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * KubeVirt's network defaulting of a VMI spec ({@code vmispec.SetDefaultNetworkInterface}): a spec with neither
 * interfaces nor networks gets the interface {@code default} with the cluster's default binding (KubeVirt CR
 * {@code spec.configuration.network.defaultNetworkInterface}, {@code bridge} unless set) on the network
 * {@code default} of kind {@code pod}, unless {@code domain.devices.autoattachPodInterface} is false. virt-controller
 * applies it to the VMI it creates from a VM; the VM template itself keeps no such entry.
 */
final class DefaultNetwork {
    static final String NAME = "default";

    private DefaultNetwork() {
    }

    /** Adds the default pod interface and network to {@code vmiSpec} where KubeVirt would; true when it did. */
    static boolean apply(ObjectNode vmiSpec, String binding) {
        if (!implicit(vmiSpec)) {
            return false;
        }
        ObjectNode iface = Nics.interfacesToWrite(vmiSpec).addObject();
        iface.put("name", NAME);
        iface.putObject(binding);
        ObjectNode network = Nics.networksToWrite(vmiSpec).addObject();
        network.put("name", NAME);
        network.putObject("pod");
        return true;
    }

    /** Whether a VM booted from {@code templateSpec} gets the default pod network without naming it. */
    static boolean implicit(ObjectNode templateSpec) {
        boolean autoattach = templateSpec.path("domain").path("devices").path("autoattachPodInterface").asBoolean(true);
        return autoattach && Nics.interfaces(templateSpec).isEmpty() && Nics.networks(templateSpec).isEmpty();
    }
}
