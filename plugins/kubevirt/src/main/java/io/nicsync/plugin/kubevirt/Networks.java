package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.Optional;

/**
 * The networks of KubeVirt's {@code v1.Network}, as nicsync names them. A multus reference always carries its
 * namespace: KubeVirt reads {@code networkName: nad} in the VM's own namespace, so nicsync fills it in wherever it
 * reads one (the desired state, the VM template, the VMI, the launcher pod) and both spellings compare equal. It
 * writes the short form back when the namespace is the VM's, as upstream manifests do.
 */
final class Networks {
    static final String MULTUS = "multus";
    static final String POD = "pod";
    static final String OTHER = "other";

    static final NetworkKind MULTUS_KIND = new NetworkKind() {
        @Override
        public String key() {
            return MULTUS;
        }

        @Override
        public String description() {
            return "a NetworkAttachmentDefinition of Multus, [namespace/]name; without namespace, the VM's";
        }

        @Override
        public List<Attribute> attributes() {
            return List.of(Attribute.optional("namespace", "the NetworkAttachmentDefinition's namespace"),
                    Attribute.required("name", "the NetworkAttachmentDefinition's name"));
        }

        @Override
        public String schema() {
            return """
                    {"type": "string",
                     "pattern": "^([a-z0-9]([a-z0-9-]*[a-z0-9])?/)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$",
                     "x-expected": "[namespace/]name of a NetworkAttachmentDefinition, lower case"}""";
        }

        @Override
        public NetworkRef decode(Object value, VmRef vm) {
            return multus(String.valueOf(value), vm.namespace());
        }

        @Override
        public Object encode(NetworkRef ref, VmRef vm) {
            return networkName(ref, vm.namespace());
        }
    };

    static final List<NetworkKind> KINDS = List.of(
            MULTUS_KIND,
            NetworkKind.empty(POD, "the pod network, written pod: {}"),
            NetworkKind.observed(OTHER, "any other network source, by its kind", "type"));

    private Networks() {
    }

    /** A multus reference as KubeVirt's {@code networkName} writes it, taken in {@code vmNamespace} when it has none. */
    static NetworkRef multus(String networkName, String vmNamespace) {
        int slash = networkName.indexOf('/');
        return slash < 0 ? NetworkRef.of(MULTUS, "namespace", vmNamespace, "name", networkName)
                : NetworkRef.of(MULTUS, "namespace", networkName.substring(0, slash), "name",
                        networkName.substring(slash + 1));
    }

    static NetworkRef pod() {
        return NetworkRef.of(POD);
    }

    static NetworkRef other(String type) {
        return NetworkRef.of(OTHER, "type", type);
    }

    static boolean isMultus(NetworkRef ref) {
        return ref.is(MULTUS);
    }

    static boolean isPod(NetworkRef ref) {
        return ref.is(POD);
    }

    /** {@code networkName} for a VM in {@code vmNamespace}: the bare name when the namespace is the VM's. */
    static String networkName(NetworkRef multus, String vmNamespace) {
        String namespace = multus.attribute("namespace");
        return namespace == null || namespace.equals(vmNamespace) ? multus.name() : namespace + "/" + multus.name();
    }

    /** {@code namespace/name}, the NetworkAttachmentDefinition a multus reference means for a VM in {@code vmNamespace}. */
    static String qualified(NetworkRef multus, String vmNamespace) {
        String namespace = Optional.ofNullable(multus.attribute("namespace")).orElse(vmNamespace);
        return namespace + "/" + multus.name();
    }
}
