package io.nicsync.spi;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which observed NIC each desired NIC of a VM is: by name first; a desired NIC with a MAC that no observed NIC
 * carries by name may take an unnamed observed NIC with that MAC (adoption). Each observed NIC is paired at most
 * once; the rest are unmanaged. A desired NIC paired by name that declares a MAC another observed NIC carries is a
 * conflict: both claim the identity, so neither is adopted and people are told.
 *
 * @param pairs desired NIC to observed NIC, in the desired state's order
 * @param adopted the desired NICs paired by MAC with an unnamed NIC
 * @param unmanaged the observed NICs no desired NIC is paired with, in observed order
 * @param macConflicts desired NIC to the other observed NIC that carries its declared MAC
 */
public record NicPairing(
        Map<DesiredNic, LiveNic> pairs,
        List<DesiredNic> adopted,
        List<LiveNic> unmanaged,
        Map<DesiredNic, LiveNic> macConflicts) {

    public NicPairing {
        pairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
        adopted = List.copyOf(adopted);
        unmanaged = List.copyOf(unmanaged);
        macConflicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(macConflicts));
    }

    public static NicPairing of(DesiredVm desired, LiveVm live) {
        Map<DesiredNic, LiveNic> pairs = new LinkedHashMap<>();
        Map<LiveNic, Boolean> taken = new IdentityHashMap<>();
        List<DesiredNic> adopted = new ArrayList<>();
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
        List<LiveNic> unmanaged = live.nics().stream().filter(l -> !taken.containsKey(l)).toList();
        return new NicPairing(pairs, adopted, unmanaged, macConflicts(desired, live, pairs));
    }

    /** The observed NIC {@code nic} is, or null. */
    public LiveNic of(DesiredNic nic) {
        return pairs.get(nic);
    }

    private static Map<DesiredNic, LiveNic> macConflicts(DesiredVm desired, LiveVm live,
            Map<DesiredNic, LiveNic> pairs) {
        Map<DesiredNic, LiveNic> out = new LinkedHashMap<>();
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
}
