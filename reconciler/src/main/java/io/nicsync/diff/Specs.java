package io.nicsync.diff;

import io.nicsync.spi.LiveNic;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Comparing and completing NIC configurations. A null field of a wanted spec means "keep what is there". */
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

    /**
     * The fields in which {@code actual} does not have what {@code wanted} asks for, each as
     * {@code field actual -> wanted}; empty when it has everything.
     */
    static List<String> differences(NicSpec actual, NicSpec wanted, String namespace, boolean withBootOrder) {
        var out = new ArrayList<String>();
        if (!sameNetwork(actual.network(), wanted.network(), namespace)) {
            out.add("network " + actual.network().display() + " -> " + wanted.network().display());
        }
        if (actual.link() != wanted.link()) {
            out.add("link " + actual.link().yaml() + " -> " + wanted.link().yaml());
        }
        out.addAll(fixedDifferences(actual, wanted));
        if (withBootOrder && wanted.bootOrder() != null && !wanted.bootOrder().equals(actual.bootOrder())) {
            out.add(change("bootOrder", actual.bootOrder(), wanted.bootOrder()));
        }
        return out;
    }

    /** Differences in what no platform changes on a plugged NIC: MAC, model and binding. */
    static List<String> fixedDifferences(NicSpec actual, NicSpec wanted) {
        var out = new ArrayList<String>();
        if (wanted.mac() != null && !wanted.mac().equals(actual.mac())) {
            out.add(change("mac", actual.mac(), wanted.mac()));
        }
        if (wanted.model() != null && !wanted.model().equals(actual.model())) {
            out.add(change("model", actual.model(), wanted.model()));
        }
        if (wanted.binding() != null && !wanted.binding().equals(actual.binding())) {
            out.add(change("binding", actual.binding(), wanted.binding()));
        }
        return out;
    }

    /** A Multus reference without a namespace means the VM's own namespace, so both forms compare equal. */
    static boolean sameNetwork(NetworkRef a, NetworkRef b, String namespace) {
        return Objects.equals(normal(a, namespace), normal(b, namespace));
    }

    private static NetworkRef normal(NetworkRef ref, String namespace) {
        return ref instanceof NetworkRef.Multus m && namespace != null ? m.in(namespace) : ref;
    }

    private static String change(String field, Object from, Object to) {
        return field + " " + (from == null ? "(none)" : from) + " -> " + to;
    }
}
