package io.nicsync.diff;

import io.nicsync.spi.LiveNic;
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
