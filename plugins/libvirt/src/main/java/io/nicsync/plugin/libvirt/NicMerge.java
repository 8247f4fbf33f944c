package io.nicsync.plugin.libvirt;

import io.nicsync.spi.LiveNic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pairs the NICs of the live definition with those of the persistent one: by user alias first (a NIC
 * nicsync created), then by MAC. A NIC found in one definition only is plugged-only or persisted-only.
 */
final class NicMerge {
    private NicMerge() {
    }

    static List<LiveNic> merge(List<NicFacts> live, List<NicFacts> persistent) {
        List<NicFacts> unpaired = new ArrayList<>(persistent);
        List<LiveNic> out = new ArrayList<>();
        for (NicFacts l : live) {
            NicFacts p = take(unpaired, l);
            out.add(new LiveNic(name(l, p), l.mac() != null ? l.mac() : p == null ? null : p.mac(),
                    l.spec(), p == null ? null : p.spec(), l.pciAddress()));
        }
        for (NicFacts p : unpaired) {
            out.add(new LiveNic(p.name(), p.mac(), null, p.spec(), p.pciAddress()));
        }
        return out;
    }

    private static NicFacts take(List<NicFacts> candidates, NicFacts live) {
        NicFacts match = null;
        if (live.name() != null) {
            match = candidates.stream().filter(p -> live.name().equals(p.name())).findFirst().orElse(null);
        }
        if (match == null && live.mac() != null) {
            match = candidates.stream()
                    .filter(p -> live.mac().equals(p.mac()))
                    .filter(p -> p.name() == null || live.name() == null || Objects.equals(p.name(), live.name()))
                    .findFirst().orElse(null);
        }
        if (match != null) {
            candidates.remove(match);
        }
        return match;
    }

    private static String name(NicFacts live, NicFacts persistent) {
        if (live.name() != null) {
            return live.name();
        }
        return persistent == null ? null : persistent.name();
    }
}
