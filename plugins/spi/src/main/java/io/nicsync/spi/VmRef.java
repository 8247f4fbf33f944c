package io.nicsync.spi;

import java.util.Objects;

/**
 * The identity of a VM: the target it lives on, its namespace (KubeVirt only, else null) and its name on
 * that target (libvirt domain name or KubeVirt VirtualMachine name).
 */
public record VmRef(String target, String namespace, String name) implements Comparable<VmRef> {
    public VmRef {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(name, "name");
    }

    public static VmRef of(String target, String name) {
        return new VmRef(target, null, name);
    }

    @Override
    public int compareTo(VmRef o) {
        return toString().compareTo(o.toString());
    }

    /** {@code target/name} or {@code target/namespace/name}. */
    @Override
    public String toString() {
        return namespace == null ? target + "/" + name : target + "/" + namespace + "/" + name;
    }
}
