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

    static List<LiveNic> merge(List<DomainNic> live, List<DomainNic> persistent) {
        List<DomainNic> unpaired = new ArrayList<>(persistent);
        List<LiveNic> out = new ArrayList<>();
        for (DomainNic l : live) {
            DomainNic p = take(unpaired, l);
            out.add(new LiveNic(name(l, p), l.mac() != null ? l.mac() : p == null ? null : p.mac(),
                    l.spec(), p == null ? null : p.spec(), l.pciAddress()));
        }
        for (DomainNic p : unpaired) {
            out.add(new LiveNic(p.name(), p.mac(), null, p.spec(), p.pciAddress()));
        }
        return out;
    }

    private static DomainNic take(List<DomainNic> candidates, DomainNic live) {
        DomainNic match = null;
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

    private static String name(DomainNic live, DomainNic persistent) {
        if (live.name() != null) {
            return live.name();
        }
        return persistent == null ? null : persistent.name();
    }
}
