package io.nicsync.plugin.ovirt;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Slots;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine would refuse in a plan, found without changing anything, every problem of every VM: a VM that is
 * neither up nor down, a vNIC profile its data center lacks, a network the host it runs on lacks
 * (ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS), more NICs than its PCI devices take, a MAC another NIC of the same MAC pool
 * has, or another step of the plan gives another NIC of that pool, where the pool allows no duplicates
 * (NETWORK_MAC_ADDRESS_IN_USE), and a configuration change the engine refuses on a plugged NIC
 * (CANNOT_PERFORM_HOT_UPDATE). The catalogue is read anew: a preflight starts an apply.
 */
final class Preflight {
    private final Engine engine;
    private final Observing observing;

    Preflight(Engine engine, Observing observing) {
        this.engine = engine;
        this.observing = observing;
    }

    List<String> check(List<Step> steps) throws TargetException {
        Map<VmRef, List<Step>> byVm = new LinkedHashMap<>();
        steps.forEach(s -> byVm.computeIfAbsent(s.vm(), k -> new ArrayList<>()).add(s));
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> hostNetworks = new HashMap<>();
        Set<MacClaims.Claim> claims = new LinkedHashSet<>();
        observing.fresh();
        for (var entry : byVm.entrySet()) {
            Optional<Observed> found = observing.one(entry.getKey().name());
            if (found.isEmpty()) {
                problems.add(entry.getKey().name() + ": no such VM");
                continue;
            }
            Observed on = found.get();
            String vm = on.vm().name();
            if (!on.vm().up() && !on.vm().down()) {
                problems.add(vm + ": the VM is " + on.vm().status() + ": the engine changes NICs only of a VM that is"
                        + " up or down");
                continue;
            }
            Slots.check(on.live(), entry.getValue()).ifPresent(p -> problems.add(vm + ": " + p));
            for (Step step : entry.getValue()) {
                networks(on, step, hostNetworks, problems);
                hotUpdate(on, step).ifPresent(problems::add);
                claims(on, step, entry.getValue()).ifPresent(claims::add);
            }
        }
        new MacClaims(engine, observing.current().clusters()).check(claims, problems);
        return problems;
    }

    private void networks(Observed on, Step step, Map<String, Set<String>> hostNetworks, List<String> problems)
            throws TargetException {
        for (NetworkRef ref : wanted(step)) {
            if (!ref.is(Networks.PROFILE)) {
                continue;
            }
            Optional<Profile> profile = observing.profiles().in(on.dataCenterId(), ref);
            if (profile.isEmpty()) {
                problems.add(on.vm().name() + "/" + step.nic() + ": no vNIC profile " + ref.display() + " in the VM's"
                        + " data center (profiles there: " + observing.profiles().namesIn(on.dataCenterId()) + ")");
            } else if (live(step) && on.vm().up() && on.vm().hostId() != null) {
                Set<String> attached = hostNetworks.get(on.vm().hostId());
                if (attached == null) {
                    attached = engine.hostNetworkIds(on.vm().hostId());
                    hostNetworks.put(on.vm().hostId(), attached);
                }
                if (!attached.contains(profile.get().networkId())) {
                    problems.add(on.vm().name() + "/" + step.nic() + ": the network " + profile.get().networkName()
                            + " is not on the host the VM runs on, so the engine cannot plug a NIC into it"
                            + " (ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS)");
                }
            }
        }
    }

    /** A persist step of a plugged NIC of a running VM that changes its model or MAC: the engine refuses that. */
    private static Optional<String> hotUpdate(Observed on, Step step) {
        if (!(step instanceof PersistNic p) || !on.vm().up()) {
            return Optional.empty();
        }
        return on.nic(p.spec()).filter(EngineNic::plugged).flatMap(n -> on.live().nic(n.name()))
                .map(l -> Nics.fixedDifferences(l.current(), p.spec())).filter(d -> !d.isEmpty())
                .map(d -> on.vm().name() + "/" + p.nic() + ": " + String.join(", ", d) + " on a plugged NIC of a running"
                        + " VM: the engine refuses it (CANNOT_PERFORM_HOT_UPDATE)");
    }

    /** A MAC a step gives a NIC that does not have it yet, unless the plan takes it from another NIC of the VM. */
    private static Optional<MacClaims.Claim> claims(Observed on, Step step, List<Step> ofVm) {
        NicSpec spec = switch (step) {
            case AddNic a -> a.spec();
            case PersistNic p -> p.spec();
            default -> null;
        };
        if (spec == null || spec.mac() == null) {
            return Optional.empty();
        }
        boolean has = on.nic(spec).map(n -> spec.mac().equals(n.mac())).orElse(false)
                || ofVm.stream().anyMatch(s -> s instanceof UnpersistNic u && spec.mac().equals(u.spec().mac()));
        boolean plugs = step instanceof AddNic || on.vm().down() && on.nic(spec).isEmpty();
        return has ? Optional.empty() : Optional.of(new MacClaims.Claim(on.vm().name(), on.vm().clusterId(),
                spec.label(), spec.mac(), plugs));
    }

    private static List<NetworkRef> wanted(Step step) {
        return switch (step) {
            case AddNic a -> List.of(a.spec().network());
            case RepointNic r -> List.of(r.to());
            case PersistNic p -> List.of(p.spec().network());
            case RestartRequired r -> r.pending().stream().map(NicSpec::network).toList();
            default -> List.of();
        };
    }

    private static boolean live(Step step) {
        return step instanceof AddNic || step instanceof RepointNic;
    }
}
