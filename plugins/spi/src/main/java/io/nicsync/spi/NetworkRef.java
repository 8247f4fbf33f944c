package io.nicsync.spi;

import java.util.Objects;

/**
 * What a NIC is connected to. The first four kinds can be desired; {@link Direct}, {@link User} and
 * {@link Other} are only ever observed, on NICs that nicsync did not create.
 */
public sealed interface NetworkRef {

    /** The key used in the desired-state format: {@code bridge}, {@code network}, {@code multus}, {@code pod}. */
    String kind();

    /** A short human form such as {@code bridge br-prod}. */
    default String display() {
        return kind();
    }

    /** A libvirt host bridge. */
    record Bridge(String name) implements NetworkRef {
        public Bridge {
            Objects.requireNonNull(name, "name");
        }

        @Override public String kind() { return "bridge"; }
        @Override public String display() { return "bridge " + name; }
    }

    /** A libvirt virtual network. */
    record LibvirtNetwork(String name) implements NetworkRef {
        public LibvirtNetwork {
            Objects.requireNonNull(name, "name");
        }

        @Override public String kind() { return "network"; }
        @Override public String display() { return "network " + name; }
    }

    /**
     * A KubeVirt NetworkAttachmentDefinition. A null namespace means the VM's own namespace, as in
     * KubeVirt's {@code multus.networkName}.
     */
    record Multus(String namespace, String name) implements NetworkRef {
        public Multus {
            Objects.requireNonNull(name, "name");
        }

        /** Parses {@code name} or {@code namespace/name}. */
        public static Multus parse(String ref) {
            int slash = ref.indexOf('/');
            return slash < 0 ? new Multus(null, ref) : new Multus(ref.substring(0, slash), ref.substring(slash + 1));
        }

        /** The reference with the VM's namespace filled in when none was given. */
        public Multus in(String vmNamespace) {
            return namespace != null ? this : new Multus(vmNamespace, name);
        }

        /** The form KubeVirt's {@code networkName} takes. */
        public String networkName() {
            return namespace == null ? name : namespace + "/" + name;
        }

        @Override public String kind() { return "multus"; }
        @Override public String display() { return "multus " + networkName(); }
    }

    /** The KubeVirt pod network. */
    record Pod() implements NetworkRef {
        @Override public String kind() { return "pod"; }
    }

    /** A libvirt macvtap connection to a host device (observed only). */
    record Direct(String device, String mode) implements NetworkRef {
        @Override public String kind() { return "direct"; }
        @Override public String display() { return "direct " + device + (mode == null ? "" : " (" + mode + ")"); }
    }

    /** QEMU user-mode networking (observed only). */
    record User() implements NetworkRef {
        @Override public String kind() { return "user"; }
    }

    /** Any other connection a platform reports, by its platform type name (observed only). */
    record Other(String type) implements NetworkRef {
        @Override public String kind() { return "other"; }
        @Override public String display() { return type; }
    }
}
