package io.nicsync.importer;

import io.nicsync.spi.LiveNic;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names for NICs the VM has no name for: {@code nic0}, {@code nic1}, ... in PCI address order (then MAC
 * order, for NICs without an address), skipping names the VM's named NICs already have. The order only
 * makes the names predictable for people; the planner finds these NICs by MAC.
 */
final class NicNames {
    private static final Comparator<LiveNic> ORDER = Comparator
            .comparing(LiveNic::pciAddress, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(n -> String.valueOf(n.mac()));

    private NicNames() {
    }

    static Map<LiveNic, String> generate(List<LiveNic> unnamed, List<LiveNic> all) {
        Set<String> taken = new HashSet<>();
        all.stream().map(LiveNic::name).filter(Objects::nonNull).forEach(taken::add);
        Map<LiveNic, String> names = new IdentityHashMap<>();
        int next = 0;
        for (LiveNic nic : unnamed.stream().sorted(ORDER).toList()) {
            while (taken.contains("nic" + next)) {
                next++;
            }
            names.put(nic, "nic" + next++);
        }
        return names;
    }
}
