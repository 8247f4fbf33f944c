package io.nicsync.diff;

import io.nicsync.spi.LiveNic;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;

/** Completing NIC configurations. A null field of a wanted spec means "keep what is there". */
final class Specs {
    private Specs() {
    }

    /** {@code spec} named the way steps find the observed NIC: its name, or its MAC when it has none. */
    static NicSpec identified(LiveNic nic, NicSpec spec) {
        var mac = nic.mac() != null ? nic.mac() : spec.mac();
        return new NicSpec(nic.name(), mac, spec.network(), spec.model(), spec.binding(), spec.link(),
                spec.bootOrder());
    }

    /**
     * The persistent entry of {@code nic} as the diff compares it: named as {@link #identified} names it, with the
     * MAC the entry names. A named NIC's entry can name another MAC than the running NIC has (a MAC change waiting
     * for a restart): that entry already holds the change. An entry naming none keeps the NIC's
     * ({@link io.nicsync.spi.Nics#persistent}); an unnamed NIC is known by the MAC it has.
     */
    static NicSpec persistentEntry(LiveNic nic) {
        NicSpec entry = identified(nic, nic.persistent());
        MacAddress own = nic.persistent().mac();
        return nic.name() != null && own != null ? entry.withMac(own) : entry;
    }

    /** {@code wanted} with its omitted fields taken from {@code base}, named as {@code identity} names it. */
    static NicSpec fill(NicSpec wanted, NicSpec base, NicSpec identity) {
        if (base == null) {
            return wanted;
        }
        return new NicSpec(
                identity.name(),
                wanted.mac() != null ? wanted.mac() : base.mac(),
                wanted.network(),
                wanted.model() != null ? wanted.model() : base.model(),
                wanted.binding() != null ? wanted.binding() : base.binding(),
                wanted.link(),
                wanted.bootOrder() != null ? wanted.bootOrder() : base.bootOrder());
    }
}
