package io.nicsync.spi;

import java.util.Objects;

/**
 * One NIC as the user declared it.
 *
 * @param mac null to keep whatever MAC the platform assigned
 * @param model null for the platform's default (virtio)
 * @param binding KubeVirt binding (bridge, masquerade, sriov, ...); null on platforms without one
 * @param persist also in the persistent definition (libvirt config, KubeVirt VM template)
 */
public record DesiredNic(
        String name,
        NetworkRef network,
        String binding,
        String model,
        MacAddress mac,
        LinkState link,
        Presence state,
        boolean persist,
        Integer bootOrder) {

    public DesiredNic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(state, "state");
    }

    /** The configuration to give the NIC when it is plugged or persisted. */
    public NicSpec spec() {
        return new NicSpec(name, mac, network, model, binding, link, bootOrder);
    }
}
