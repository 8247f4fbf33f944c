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
 * at most once; the rest are unmanaged (an unmanaged NIC carrying a matched NIC's declared MAC is also
 * reported as a conflict).
 */
record Matching(
        Map<DesiredNic, LiveNic> pairs,
        List<DesiredNic> adopted,
        List<LiveNic> unmanaged,
        Map<DesiredNic, LiveNic> macConflicts) {

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
        return new Matching(pairs, adopted, unmanaged, macConflicts(desired, live, pairs));
    }

    /**
     * Desired NICs matched by name whose declared MAC another observed NIC carries: both claim the
     * identity, so neither is adopted and people are told.
     */
    private static Map<DesiredNic, LiveNic> macConflicts(DesiredVm desired, LiveVm live, Map<DesiredNic, LiveNic> pairs) {
        var out = new LinkedHashMap<DesiredNic, LiveNic>();
        for (DesiredNic nic : desired.nics()) {
            LiveNic paired = pairs.get(nic);
            if (nic.mac() == null || paired == null || nic.mac().equals(paired.mac())) {
                continue;
            }
            live.nics().stream().filter(l -> l != paired && nic.mac().equals(l.mac())).findFirst()
                    .ifPresent(other -> out.put(nic, other));
        }
        return out;
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
