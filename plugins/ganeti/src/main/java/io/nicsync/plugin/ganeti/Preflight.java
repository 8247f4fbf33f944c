package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Slots;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that would make a batch of steps fail, found without changing anything, every problem at once:
 * instances that do not exist or do not run where a step hotplugs, hotplug capacity, Ganeti networks that do not
 * exist or are not connected to the instance's node group, NIC counts Ganeti or the group's instance policy
 * refuses, models against the instance's {@code nic_type}, devices Ganeti can no longer hotplug, and what Ganeti
 * has no way to do (link state, migration).
 *
 * <p>Bridges exist on a node, and RAPI cannot list them: Ganeti itself checks them when a NIC change is submitted.
 * So for each instance and bridge a step puts a NIC on, the step's configuration change is submitted as a dry run
 * (a job that checks and changes nothing), which also proves RAPI write access. It is submitted without hotplug:
 * Ganeti 3.0.2 hotplugs while it checks, even in a dry run. An instance whose steps put no NIC on a bridge still
 * gets one dry run, for the write access.
 */
final class Preflight {
    private static final Duration DRY_RUN_TIME = Duration.ofSeconds(60);

    private final Observing observing;
    private final Cluster cluster;
    private final Clock clock;

    Preflight(Observing observing, Cluster cluster, Clock clock) {
        this.observing = observing;
        this.cluster = cluster;
        this.clock = clock;
    }

    List<String> check(List<Step> steps, ClusterFacts facts) throws TargetException {
        Set<String> problems = new LinkedHashSet<>();
        Map<VmRef, List<Step>> byVm = new LinkedHashMap<>();
        steps.forEach(s -> byVm.computeIfAbsent(s.vm(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<VmRef, List<Step>> e : byVm.entrySet()) {
            String vm = e.getKey().name();
            Optional<Observer.Observed> observed = observing.one(vm);
            if (observed.isEmpty()) {
                problems.add(vm + ": no such instance on target " + e.getKey().target());
                continue;
            }
            check(observed.get(), e.getValue(), facts, problems);
        }
        return List.copyOf(problems);
    }

    private void check(Observer.Observed o, List<Step> steps, ClusterFacts facts, Set<String> problems)
            throws TargetException {
        String vm = o.instance().name();
        Slots.check(o.vm(), steps).map(p -> vm + ": " + p).ifPresent(problems::add);
        Map<String, ObjectNode> dryRuns = new LinkedHashMap<>();
        for (Step s : steps) {
            String where = s.nic() == null ? vm : vm + "/" + s.nic();
            switch (s) {
                case SetLink l -> problems.add(where + ": Ganeti NICs have no link state");
                case Migrate m -> problems.add(where + ": nicsync does not migrate Ganeti instances; NICs are"
                        + " hotplugged in place");
                case RepointNic r -> {
                    live(o, where, "moving a plugged NIC", problems);
                    pinned(o, r.spec(), where, problems);
                    network(o, facts, r.to(), where, problems, dryRuns);
                }
                case UnplugNic u -> {
                    live(o, where, "an unplug", problems);
                    pinned(o, u.spec(), where, problems);
                }
                case AddNic a -> {
                    model(o, a.spec(), where, problems);
                    network(o, facts, a.spec().network(), where, problems, dryRuns);
                }
                case PersistNic p -> {
                    model(o, p.spec(), where, problems);
                    network(o, facts, p.spec().network(), where, problems, dryRuns);
                }
                default -> { }
            }
        }
        nicCount(o, steps, facts).map(p -> vm + ": " + p).ifPresent(problems::add);
        for (Map.Entry<String, ObjectNode> run : dryRuns.entrySet()) {
            dryRun(o, run.getKey(), run.getValue()).ifPresent(problems::add);
        }
        if (dryRuns.isEmpty()) {
            writeAccess(o).ifPresent(problems::add);
        }
    }

    private static void live(Observer.Observed o, String where, String what, Set<String> problems) {
        if (!o.running()) {
            problems.add(where + ": the instance is not running, so " + what + " is not possible");
        } else if (!o.vm().capacity().supported()) {
            problems.add(where + ": Ganeti cannot hotplug here: " + o.vm().capacity().detail());
        }
    }

    private static void pinned(Observer.Observed o, NicSpec spec, String where, Set<String> problems) {
        Optional<LiveNic> nic = Nics.find(o.vm(), spec);
        if (nic.isPresent() && o.pinned().contains(nic.get().label())) {
            problems.add(where + ": Ganeti cannot hotplug this device again until the instance restarts (its"
                    + " runtime record is from before an unplug the guest did not acknowledge)");
        }
    }

    private static void model(Observer.Observed o, NicSpec spec, String where, Set<String> problems) {
        if (spec.model() != null && o.model() != null && !spec.model().equals(o.model())) {
            problems.add(where + ": model " + spec.model() + " is not the instance's nic_type "
                    + Models.nicType(o.model()) + ", which Ganeti applies to all its NICs");
        }
    }

    private static void network(Observer.Observed o, ClusterFacts facts, NetworkRef to, String where,
            Set<String> problems, Map<String, ObjectNode> dryRuns) {
        if (to.is(Networks.NETWORK)) {
            var network = facts.network(to.name());
            if (network.isEmpty()) {
                problems.add(where + ": no Ganeti network " + to.name() + " (gnt-network list)");
            } else if (!network.get().connections().containsKey(o.instance().group())) {
                problems.add(where + ": Ganeti network " + to.name() + " is not connected to node group "
                        + o.instance().group() + " (gnt-network connect)");
            }
        } else if (to.is(Networks.BRIDGE)) {
            dryRuns.putIfAbsent("bridge " + to.name(), NicRequests.add(
                    new NicSpec(null, null, to, null, null, LinkState.UP, null), null, false));
        } else {
            problems.add(where + ": nicsync puts NICs only on bridges and Ganeti networks, not on " + to);
        }
    }

    /**
     * Ganeti refuses more than 8 NICs, and a count outside the node group's policy. Its 3.0.2 checks the policy
     * only after it has hotplugged a new NIC, so a hot-add it then refuses would leave the device in the VM: this
     * check keeps nicsync from ever sending one. And an instance whose configured NICs do not fit its free PCI
     * slots does not start any more: a change waiting for a restart must fit them.
     */
    private static Optional<String> nicCount(Observer.Observed o, List<Step> steps, ClusterFacts facts) {
        int count = o.instance().nics().size();
        for (Step s : steps) {
            boolean configured = s.nic() != null && o.instance().nics().stream()
                    .anyMatch(n -> s.nic().equals(n.label()));
            switch (s) {
                case AddNic a -> count += configured ? 0 : 1;
                case PersistNic p -> count += configured || steps.stream().anyMatch(t -> t instanceof AddNic
                        && t.nic().equals(p.nic())) ? 0 : 1;
                case UnplugNic u -> count -= configured ? 1 : 0;
                case UnpersistNic u -> count -= configured && steps.stream().noneMatch(t -> t instanceof UnplugNic
                        && t.nic().equals(u.nic())) ? 1 : 0;
                default -> { }
            }
        }
        if (count > ClusterFacts.MAX_NICS) {
            return Optional.of("the steps leave " + count + " NICs; Ganeti allows at most " + ClusterFacts.MAX_NICS);
        }
        Instance instance = o.instance();
        if (instance.isKvm() && count > PciSlots.bootable(instance)) {
            return Optional.of("the steps leave " + count + " NICs in the configuration, but the instance cannot"
                    + " start with more than " + PciSlots.bootable(instance) + ": QEMU's " + PciSlots.SLOTS
                    + " PCI slots less " + PciSlots.reservations(instance) + " kept by kvm_pci_reservations and "
                    + PciSlots.pciDisks(instance) + " for disks (Ganeti would refuse to start it: All slots occupied)");
        }
        var policy = facts.groups().get(o.instance().group());
        if (policy != null && !policy.allows(count)) {
            return Optional.of("the steps leave " + count + " NICs, and node group " + o.instance().group()
                    + "'s instance policy allows nic-count " + policy.describe());
        }
        return Optional.empty();
    }

    private Optional<String> dryRun(Observer.Observed o, String what, ObjectNode body) throws TargetException {
        String vm = o.instance().name();
        Instant deadline = clock.instant().plus(DRY_RUN_TIME);
        JobResult job;
        try {
            job = cluster.modify(vm, NicRequests.dryRun(body), deadline, vm + ": preflight (" + what + ")");
        } catch (TargetException e) {
            return Optional.of(e.getMessage());
        }
        return job.succeeded() ? Optional.empty() : Optional.of(vm + ": " + what + ": Ganeti refuses it: " + job.error());
    }

    /** A tag added as a dry run: the one change every instance can take, refused without write access. */
    private Optional<String> writeAccess(Observer.Observed o) {
        String vm = o.instance().name();
        try {
            JobResult job = cluster.tagDryRun(vm, clock.instant().plus(DRY_RUN_TIME), vm + ": preflight (write access)");
            return job.succeeded() ? Optional.empty() : Optional.of(vm + ": write access: " + job.error());
        } catch (TargetException e) {
            return Optional.of(e.getMessage());
        }
    }
}
