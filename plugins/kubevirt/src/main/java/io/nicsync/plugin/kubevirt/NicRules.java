package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * KubeVirt's limits on NIC changes, checked before anything is written so that a change KubeVirt would only
 * stage behind a sticky {@code RestartRequired} is refused instead of applied silently.
 */
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

    /**
     * The parts of {@code wanted} that differ from the template entry {@code iface} of {@code vm} and reach the
     * guest only through a restart (binding, model, MAC); empty when none. A template without a MAC keeps the
     * one the VM has ({@link ObservedVm#templateMac}): that MAC asked for again is no change.
     */
    static List<String> restartChanges(ObservedVm vm, JsonNode iface, NicSpec wanted) {
        List<String> changes = new ArrayList<>();
        String binding = Interfaces.binding(iface);
        if (!KubevirtCapabilities.binding(wanted).equals(binding)) {
            changes.add("binding " + binding + " -> " + KubevirtCapabilities.binding(wanted));
        }
        String model = iface.path("model").asText("virtio");
        if (wanted.model() != null && !wanted.model().equals(model)) {
            changes.add("model " + model + " -> " + wanted.model());
        }
        MacAddress mac = vm.templateMac(iface.path("name").asText());
        if (wanted.mac() != null && !wanted.mac().equals(mac)) {
            changes.add("MAC " + (mac == null ? "(none)" : mac) + " -> " + wanted.mac());
        }
        return changes;
    }

    static TargetException restartRequired(String subject, List<String> changes) {
        return new TargetException(Reason.UNSUPPORTED, subject + ": " + String.join(", ", changes)
                + " would set RestartRequired on the VM (KubeVirt applies it only at the next restart);"
                + " plan it as a restart-required change");
    }
}
