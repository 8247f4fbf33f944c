package io.nicsync.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one NIC matcher: how a NIC named in a step or a plan is found among observed ones, and whether an observed
 * configuration has what a wanted one asks for. Diff, planner, verification and the plugins' own checks all ask
 * here, so they cannot disagree.
 *
 * <p>A wanted configuration's null MAC, model, binding or boot order means "whatever is there". Networks are
 * compared as values: plugins write every {@link NetworkRef} in its normal form.
 */
public final class Nics {
    private Nics() {
    }

    /** A step's NIC among the observed ones: by name when it has one, else by MAC. */
    public static Optional<LiveNic> find(LiveVm vm, NicSpec nic) {
        return vm.nics().stream().filter(l -> identifies(nic, l.name(), l.mac())).findFirst();
    }

    /**
     * Whether a NIC with this name and MAC, as a platform records it, is the NIC {@code wanted} means: by name when
     * {@code wanted} has one, else by MAC. Plugins ask this of their own records, so that a step finds on the
     * platform the NIC {@link #find} finds among observed ones.
     */
    public static boolean identifies(NicSpec wanted, String name, MacAddress mac) {
        return identifies(wanted.name(), wanted.mac(), name, mac);
    }

    /** {@link #identifies(NicSpec, String, MacAddress)} for a NIC wanted by this name, else this MAC. */
    public static boolean identifies(String wantedName, MacAddress wantedMac, String name, MacAddress mac) {
        if (wantedName != null) {
            return wantedName.equals(name);
        }
        return wantedMac != null && wantedMac.equals(mac);
    }

    /**
     * The persistent configuration of {@code nic} as steps compare it, null when it has none. A persistent entry
     * that names no MAC (a KubeVirt template as upstream writes it) keeps the MAC the NIC has: that MAC asked for
     * again is no change, so the entry has it, as the diff reads the entry.
     */
    public static NicSpec persistent(LiveNic nic) {
        NicSpec entry = nic.persistent();
        return entry == null || entry.mac() != null || nic.mac() == null ? entry : entry.withMac(nic.mac());
    }

    /** Whether {@code actual} has everything {@code wanted} asks for; false when there is no {@code actual}. */
    public static boolean satisfies(NicSpec actual, NicSpec wanted) {
        return actual != null && differences(actual, wanted).isEmpty();
    }

    /**
     * The fields in which {@code actual} does not have what {@code wanted} asks for, each written
     * {@code field actual -> wanted}; empty when it has everything.
     */
    public static List<String> differences(NicSpec actual, NicSpec wanted) {
        List<String> out = new ArrayList<>();
        if (!actual.network().equals(wanted.network())) {
            out.add("network " + actual.network().display() + " -> " + wanted.network().display());
        }
        if (actual.link() != wanted.link()) {
            out.add("link " + actual.link().yaml() + " -> " + wanted.link().yaml());
        }
        out.addAll(fixedDifferences(actual, wanted));
        if (wanted.bootOrder() != null && !wanted.bootOrder().equals(actual.bootOrder())) {
            out.add(change("bootOrder", actual.bootOrder(), wanted.bootOrder()));
        }
        return out;
    }

    /** The differences in what no platform changes on a plugged NIC: MAC, model and binding. */
    public static List<String> fixedDifferences(NicSpec actual, NicSpec wanted) {
        List<String> out = new ArrayList<>();
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

    private static String change(String field, Object from, Object to) {
        return field + " " + (from == null ? "(none)" : from) + " -> " + to;
    }
}
