package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import java.util.Objects;

/**
 * A template interface entry changed as little as a NIC's configuration needs. KubeVirt compares the entry field by
 * field with the running VMI's ({@code vmliveupdate.IsRestartRequired}), where an omitted model is not
 * {@code model: virtio} and an omitted MAC is not the MAC KubeVirt chose: so a field already as wanted is left as it
 * is written, and a field brought back to what the running VM has is written as the VMI has it, named or omitted.
 * That way an undo restores the entry as it was, and KubeVirt (v1.8+) sees no change left to restart for.
 */
final class EntryEdit {
    private EntryEdit() {
    }

    /** The entry of {@code nic} in {@code vm}'s template made to match {@code nic}; a new one when there is none. */
    static ObjectNode of(ObservedVm vm, NicSpec nic) {
        JsonNode existing = vm.templateInterface(nic.name());
        if (existing == null) {
            return TemplatePatch.interfaceEntry(nic);
        }
        ObjectNode entry = existing.deepCopy();
        JsonNode running = vm.vmiInterface(nic.name());
        String binding = KubevirtCapabilities.binding(nic);
        if (!binding.equals(Interfaces.binding(entry))) {
            Interfaces.BINDINGS.forEach(entry::remove);
            entry.remove("binding");
            entry.putObject(binding);
        }
        if (nic.model() != null && !nic.model().equals(model(entry))) {
            boolean asRunning = running != null && nic.model().equals(model(running));
            set(entry, "model", nic.model(), asRunning ? running : null);
        }
        MacAddress mac = nic.mac();
        if (mac != null && !mac.equals(vm.templateMac(nic.name()))) {
            boolean asRunning = running != null && mac.equals(runningMac(vm, nic.name()));
            set(entry, "macAddress", mac.value(), asRunning ? running : null);
        }
        if (nic.bootOrder() != null && !Objects.equals(nic.bootOrder(), entry.path("bootOrder").asInt(-1))) {
            entry.put("bootOrder", nic.bootOrder());
        }
        if (Interfaces.requestedLink(entry) != nic.link()) {
            if (nic.link() == LinkState.DOWN) {
                entry.put("state", "down");
            } else {
                entry.remove("state");
            }
        }
        return entry;
    }

    /** Sets {@code field} to {@code value}, or as {@code running} (the VMI's entry) writes it: named or omitted. */
    private static void set(ObjectNode entry, String field, String value, JsonNode running) {
        if (running == null) {
            entry.put(field, value);
        } else if (running.has(field)) {
            entry.set(field, running.get(field).deepCopy());
        } else {
            entry.remove(field);
        }
    }

    private static String model(JsonNode iface) {
        return iface.path("model").asText("virtio");
    }

    private static MacAddress runningMac(ObservedVm vm, String nic) {
        JsonNode running = vm.vmiInterface(nic);
        MacAddress named = running == null ? null : Interfaces.mac(running.path("macAddress").asText(null));
        if (named != null) {
            return named;
        }
        JsonNode status = vm.statusInterface(nic);
        return status == null ? null : Interfaces.mac(status.path("mac").asText(null));
    }
}
