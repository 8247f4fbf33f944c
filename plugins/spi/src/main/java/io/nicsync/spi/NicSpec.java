package io.nicsync.spi;

import java.util.Objects;

/**
 * The configuration of one NIC in one definition of a VM (live or persistent), or the configuration a step
 * gives a NIC. Optional parts are null: a null MAC means "whatever the platform assigns", a null binding
 * means the platform has none (libvirt), a null boot order means none.
 *
 * @param name the NIC's identity, null for a NIC nicsync did not create (matched by MAC)
 */
public record NicSpec(
        String name,
        MacAddress mac,
        NetworkRef network,
        String model,
        String binding,
        LinkState link,
        Integer bootOrder) {

    public NicSpec {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(link, "link");
    }

    public NicSpec withNetwork(NetworkRef to) {
        return new NicSpec(name, mac, to, model, binding, link, bootOrder);
    }

    public NicSpec withLink(LinkState to) {
        return new NicSpec(name, mac, network, model, binding, to, bootOrder);
    }

    public NicSpec withMac(MacAddress to) {
        return new NicSpec(name, to, network, model, binding, link, bootOrder);
    }

    /** The name, or the MAC for a NIC without one: how messages refer to this NIC. */
    public String label() {
        return name != null ? name : String.valueOf(mac);
    }
}
