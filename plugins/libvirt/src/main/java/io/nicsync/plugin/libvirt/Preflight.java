package io.nicsync.plugin.libvirt;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.Slots;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that would make a batch of steps fail, found without changing anything: unknown domains,
 * missing bridges, inactive or unknown networks, hotplugs beyond the free PCI capacity, migrations (which
 * libvirt targets do not do). Reports every problem.
 */
final class Preflight {

    /** Observes one VM; empty when the target has no such domain. */
    @FunctionalInterface
    interface Lookup {
        Optional<Observer.Observed> find(VmRef vm) throws TargetException;
    }

    private final Lookup lookup;
    private final HostNetworks networks;

    Preflight(Lookup lookup, HostNetworks networks) {
        this.lookup = lookup;
        this.networks = networks;
    }

    List<String> check(List<Step> steps) throws TargetException {
        List<String> problems = new ArrayList<>();
        Map<VmRef, List<Step>> byVm = new LinkedHashMap<>();
        steps.forEach(s -> byVm.computeIfAbsent(s.vm(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<VmRef, List<Step>> e : byVm.entrySet()) {
            String vm = e.getKey().name();
            Optional<Observer.Observed> observed = lookup.find(e.getKey());
            if (observed.isEmpty()) {
                problems.add(vm + ": no such domain on target " + e.getKey().target());
                continue;
            }
            for (Step s : e.getValue()) {
                target(s).flatMap(networks::problem).map(p -> where(vm, s) + ": " + p)
                        // a NIC's add and its persist name the same missing bridge: that is one problem
                        .filter(p -> !problems.contains(p))
                        .ifPresent(problems::add);
                if (s instanceof Migrate) {
                    problems.add(vm + ": libvirt targets cannot migrate a domain");
                }
                bootOrder(s, observed.get()).map(p -> where(vm, s) + ": " + p).ifPresent(problems::add);
            }
            capacity(vm, observed.get().vm(), e.getValue()).ifPresent(problems::add);
        }
        return problems;
    }

    /** Hotplugs against free capacity, counted as the planner counts it ({@link Slots}). */
    private static Optional<String> capacity(String vm, LiveVm live, List<Step> steps) {
        return Slots.check(live, steps).map(problem -> vm + ": " + problem);
    }

    /**
     * A boot order on a NIC that the definition it goes into cannot take: libvirt refuses per-device boot
     * orders next to {@code <os><boot>}, and the same order on two devices.
     */
    private static Optional<String> bootOrder(Step s, Observer.Observed d) {
        NicSpec spec;
        DomainXml definition;
        String which;
        switch (s) {
            case AddNic a -> {
                spec = a.spec();
                definition = d.live();
                which = "running";
            }
            case PersistNic p -> {
                spec = p.spec();
                definition = d.persistent();
                which = "persistent";
            }
            default -> {
                return Optional.empty();
            }
        }
        if (spec.bootOrder() == null || definition == null) {
            return Optional.empty();
        }
        if (definition.bootsThroughOs()) {
            return Optional.of("bootOrder " + spec.bootOrder() + " cannot be set: the " + which + " definition "
                    + "boots through <os><boot dev=...>, and libvirt does not allow per-device boot orders "
                    + "beside it (remove bootOrder, or move the domain's boot order onto its devices)");
        }
        return definition.bootOrderHolder(spec.bootOrder(), spec)
                .map(holder -> "bootOrder " + spec.bootOrder() + " is already used by " + holder + " in the "
                        + which + " definition");
    }

    private static Optional<NetworkRef> target(Step s) {
        return switch (s) {
            case AddNic a -> Optional.of(a.spec().network());
            case RepointNic r -> Optional.of(r.to());
            case PersistNic p -> Optional.of(p.spec().network());
            default -> Optional.empty();
        };
    }

    private static String where(String vm, Step s) {
        return s.nic() == null ? vm : vm + "/" + s.nic();
    }
}
