package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;

/** KubeVirt's limits on plugging and unplugging NICs of a running VM, checked before anything is written. */
final class NicRules {
    private NicRules() {
    }

    /** KubeVirt plugs bridge and SR-IOV interfaces on multus networks, nothing else. */
    static void requireHotpluggable(String subject, NicSpec nic) throws TargetException {
        if (!Networks.isMultus(nic.network())) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": only multus networks can be hotplugged, not "
                    + nic.network().display());
        }
        String binding = KubevirtCapabilities.binding(nic);
        if (!binding.equals("bridge") && !binding.equals("sriov")) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": binding " + binding
                    + " cannot be hotplugged (KubeVirt plugs bridge and SR-IOV interfaces only)");
        }
    }

    /** KubeVirt unplugs ({@code state: absent}) bridge interfaces on secondary networks only. */
    static void requireUnpluggable(String subject, JsonNode iface, JsonNode network) throws TargetException {
        String binding = Interfaces.binding(iface);
        if (!"bridge".equals(binding)) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": binding " + binding
                    + " cannot be unplugged (KubeVirt unplugs bridge interfaces only)");
        }
        if (network != null && network.has("pod")) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": the pod network cannot be unplugged");
        }
    }
}
