package io.nicsync.diff;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs desired NICs with observed ones: by name first; a desired NIC with a MAC that no observed NIC
 * carries by name may take an unnamed observed NIC with that MAC (adoption). Each observed NIC is paired
 * at most once; the rest are unmanaged.
 */
record Matching(Map<DesiredNic, LiveNic> pairs, List<DesiredNic> adopted, List<LiveNic> unmanaged) {

    static Matching of(DesiredVm desired, LiveVm live) {
        var pairs = new LinkedHashMap<DesiredNic, LiveNic>();
        var taken = new IdentityHashMap<LiveNic, Boolean>();
        var adopted = new ArrayList<DesiredNic>();
        for (DesiredNic nic : desired.nics()) {
            live.nic(nic.name()).ifPresent(l -> {
                pairs.put(nic, l);
                taken.put(l, true);
            });
        }
        for (DesiredNic nic : desired.nics()) {
            if (pairs.containsKey(nic) || nic.mac() == null) {
                continue;
            }
            unnamedWithMac(live, nic, taken).ifPresent(l -> {
                pairs.put(nic, l);
                taken.put(l, true);
                adopted.add(nic);
            });
        }
        var unmanaged = live.nics().stream().filter(l -> !taken.containsKey(l)).toList();
        return new Matching(pairs, adopted, unmanaged);
    }

    private static Optional<LiveNic> unnamedWithMac(LiveVm live, DesiredNic nic, Map<LiveNic, Boolean> taken) {
        return live.nics().stream()
                .filter(l -> l.name() == null && nic.mac().equals(l.mac()) && !taken.containsKey(l))
                .findFirst();
    }

    LiveNic of(DesiredNic nic) {
        return pairs.get(nic);
    }
}
