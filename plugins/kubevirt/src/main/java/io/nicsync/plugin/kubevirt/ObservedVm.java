package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import java.util.Optional;

/**
 * A VirtualMachine, its VirtualMachineInstance (null when the VM does not run) and the VMI's virt-launcher
 * pod (null when unknown or unreadable) as read from the API, with the conditions and states the plugin
 * acts on.
 *
 * <p>The template's NICs are read as KubeVirt boots the VM: a template that names no interface and no network
 * (as many upstream manifests are written) gets the pod interface {@code default} from KubeVirt
 * ({@link DefaultPodNic}), so that interface is the template's too, though not written there.
 *
 * @param podBinding the cluster's binding for that pod interface ({@link ClusterInfo#podBinding})
 */
record ObservedVm(JsonNode vm, JsonNode vmi, JsonNode pod, String podBinding) {
    static final String NETWORK_STATUS = "k8s.v1.cni.cncf.io/network-status";

    ObservedVm(JsonNode vm, JsonNode vmi) {
        this(vm, vmi, null, ClusterInfo.DEFAULT_POD_BINDING);
    }

    /** The same observation with {@code vm} as the VirtualMachine now is (after a patch of it). */
    ObservedVm withVm(JsonNode changed) {
        return new ObservedVm(changed, vmi, pod, podBinding);
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

    /** The template's VMI spec as written. */
    JsonNode template() {
        return vm.path("spec").path("template").path("spec");
    }

    /** Whether the VM relies on KubeVirt's pod interface: its template names no interface and no network. */
    boolean implicitPodNic() {
        return DefaultPodNic.implicit(template());
    }

    /** The template's interfaces as KubeVirt boots the VM: as written, or KubeVirt's pod interface alone. */
    JsonNode templateInterfaces() {
        return implicitPodNic() ? DefaultPodNic.interfaces(this) : Interfaces.interfaces(template());
    }

    /** The template's networks as KubeVirt boots the VM, as {@link #templateInterfaces}. */
    JsonNode templateNetworks() {
        return implicitPodNic() ? DefaultPodNic.networks() : Interfaces.networks(template());
    }

    JsonNode templateInterface(String nic) {
        return Interfaces.named(templateInterfaces(), nic).orElse(null);
    }

    JsonNode templateNetwork(String nic) {
        return Interfaces.named(templateNetworks(), nic).orElse(null);
    }

    /**
     * The template entry of a NIC as steps compare it: its MAC the one it keeps ({@link #templateMac}), its link
     * the one it asks for. Null when the template has none, or only one being unplugged ({@code state: absent}).
     */
    NicSpec templateSpec(String nic) {
        JsonNode iface = templateInterface(nic);
        if (iface == null || Interfaces.absent(iface)) {
            return null;
        }
        return Interfaces.spec(iface, templateNetwork(nic), namespace(), templateMac(nic),
                Interfaces.requestedLink(iface));
    }

    JsonNode vmiInterface(String nic) {
        return vmi == null ? null : Interfaces.named(Interfaces.interfaces(vmi.path("spec")), nic).orElse(null);
    }

    JsonNode vmiNetwork(String nic) {
        return vmi == null ? null : Interfaces.named(Interfaces.networks(vmi.path("spec")), nic).orElse(null);
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
