package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.MacAddress;
import java.util.Optional;

/**
 * A VirtualMachine, its VirtualMachineInstance (null when the VM does not run) and the VMI's virt-launcher
 * pod (null when unknown or unreadable) as read from the API, with the conditions and states the plugin
 * acts on.
 */
record ObservedVm(JsonNode vm, JsonNode vmi, JsonNode pod) {
    static final String NETWORK_STATUS = "k8s.v1.cni.cncf.io/network-status";

    ObservedVm(JsonNode vm, JsonNode vmi) {
        this(vm, vmi, null);
    }

    String namespace() {
        return vm.path("metadata").path("namespace").asText();
    }

    String name() {
        return vm.path("metadata").path("name").asText();
    }

    String resourceVersion() {
        return vm.path("metadata").path("resourceVersion").asText();
    }

    boolean running() {
        return vmi != null && "Running".equals(vmi.path("status").path("phase").asText());
    }

    JsonNode template() {
        return vm.path("spec").path("template").path("spec");
    }

    JsonNode templateInterface(String nic) {
        return Interfaces.named(Interfaces.interfaces(template()), nic).orElse(null);
    }

    JsonNode templateNetwork(String nic) {
        return Interfaces.named(Interfaces.networks(template()), nic).orElse(null);
    }

    JsonNode vmiInterface(String nic) {
        return vmi == null ? null : Interfaces.named(Interfaces.interfaces(vmi.path("spec")), nic).orElse(null);
    }

    /** The VMI's {@code status.interfaces} entry of a NIC. */
    JsonNode statusInterface(String nic) {
        return vmi == null ? null : Interfaces.named(vmi.path("status").path("interfaces"), nic).orElse(null);
    }

    /**
     * The MAC a NIC keeps with its template entry, to compare like with like: its {@code macAddress}, or where the
     * template names none (the common case upstream: KubeVirt or the pod network chooses it) the MAC the running
     * VM has for the NIC, as {@link io.nicsync.spi.Nics#persistent} reads it. Null when neither says.
     */
    MacAddress templateMac(String nic) {
        JsonNode iface = templateInterface(nic);
        MacAddress pinned = iface == null ? null : Interfaces.mac(iface.path("macAddress").asText(null));
        if (pinned != null || !attached(nic)) {
            return pinned;
        }
        return Interfaces.mac(statusInterface(nic).path("mac").asText(null));
    }

    /** Plugged into the guest: virt-handler reports the interface from the domain. */
    boolean attached(String nic) {
        JsonNode status = statusInterface(nic);
        return status != null && status.path("infoSource").asText("").contains("domain");
    }

    /**
     * The NAD multus plumbed for a NIC into the running pod ({@code namespace/name}), from the pod's
     * network-status annotation; null when not known. It lags the VMI spec while a NAD change waits for
     * its migration.
     */
    String podNetwork(String nic) {
        JsonNode status = statusInterface(nic);
        if (pod == null || status == null || !status.hasNonNull("podInterfaceName")) {
            return null;
        }
        String podInterface = status.path("podInterfaceName").asText();
        String text = pod.path("metadata").path("annotations").path(NETWORK_STATUS).asText("");
        try {
            for (JsonNode entry : TemplatePatch.JSON.readTree(text.isEmpty() ? "[]" : text)) {
                if (podInterface.equals(entry.path("interface").asText())) {
                    return entry.path("name").asText(null);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null; // an annotation multus did not write: no pod-side knowledge
        }
        return null;
    }

    boolean restartRequired() {
        return condition(vm, "RestartRequired").map(c -> "True".equals(c.path("status").asText())).orElse(false);
    }

    /** KubeVirt v1.6+: the VMI needs a migration for a NIC change (False while the automatic one is pending). */
    Optional<JsonNode> migrationRequired() {
        return vmi == null ? Optional.empty() : condition(vmi, "MigrationRequired");
    }

    JsonNode migrationState() {
        return vmi == null ? null : vmi.path("status").get("migrationState");
    }

    private static Optional<JsonNode> condition(JsonNode object, String type) {
        for (JsonNode c : object.path("status").path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
