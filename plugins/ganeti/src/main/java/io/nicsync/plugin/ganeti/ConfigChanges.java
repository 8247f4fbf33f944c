package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.Optional;

/**
 * The persistent steps: changes of Ganeti's configuration only ({@code hotplug: false}), which the instance picks
 * up when it next starts (or is rebooted hard). On a stopped instance that is all there is. On a running one the
 * plan makes such a change only with a restart after it (no free slot, nothing Ganeti can hotplug), and the
 * difference it leaves between the VM and its configuration goes into the {@link Ledger}, so that observing the
 * instance stays true until the restart.
 */
final class ConfigChanges {
    private final Cluster cluster;
    private final Ledgers ledgers;

    ConfigChanges(Cluster cluster, Ledgers ledgers) {
        this.cluster = cluster;
        this.ledgers = ledgers;
    }

    void persist(OnInstance on, NicSpec spec) throws TargetException {
        on.requireModel(spec.model());
        if (!Networks.manageable(spec.network())) {
            throw new TargetException(Reason.UNSUPPORTED, on.where() + ": nicsync puts NICs only on bridges and"
                    + " Ganeti networks, not on " + spec.network());
        }
        Optional<ConfigNic> configured = on.configured(spec);
        if (configured.isEmpty()) {
            addToConfiguration(on, spec);
        } else {
            changeConfiguration(on, configured.get(), spec);
        }
    }

    private void addToConfiguration(OnInstance on, NicSpec spec) throws TargetException {
        JobResult job = cluster.modify(on.name(), NicRequests.add(spec, spec.mac(), false), on.deadline(),
                on.where());
        requireSuccess(on, job);
        // a device the VM has already (an unplug it did not acknowledge) is what this entry describes now
        boolean vmHasIt = on.observed().vm().nics().stream()
                .anyMatch(n -> n.plugged() && !n.persisted() && same(n, spec));
        if (on.observed().running() && !vmHasIt) {
            ConfigNic added = cluster.instance(on.name())
                    .flatMap(i -> OnInstance.find(i, spec.name(), spec.mac() != null ? spec.mac()
                            : job.addedMac().orElse(null)))
                    .orElseThrow(() -> new TargetException(Reason.REFUSED, on.where() + ": Ganeti added the NIC"
                            + " (job " + job.id() + ") but it cannot be found again"));
            ledgers.record(on.name(), new Ledger.VmLacks(job.id(), added.uuid()), on.repairDeadline(), on.where());
        }
    }

    private void changeConfiguration(OnInstance on, ConfigNic nic, NicSpec spec) throws TargetException {
        NicSpec configured = Observer.spec(nic.name(), nic, on.observed().model());
        if (Nics.satisfies(configured, spec)) {
            return;
        }
        ObjectNode params = Json.object();
        if (spec.mac() != null && !spec.mac().equals(nic.mac())) {
            params.put("mac", spec.mac().value());
        }
        if (!configured.network().equals(spec.network())) {
            Networks.put(params, spec.network(), nic.network() != null);
        }
        // The VM keeps the NIC as it was: recorded, unless it lacks the NIC or an entry describes its device already.
        Ledger.VmHas device = null;
        if (on.inVm(nic) && on.ledger().deviceOf(nic).isEmpty()) {
            LiveNic live = on.observed().vm().nics().stream().filter(n -> n.persisted() && same(n, spec))
                    .findFirst().orElse(null);
            if (live != null && live.plugged()) {
                device = new Ledger.VmHas(Long.MAX_VALUE, Hotplugs.shortUuid(nic.uuid()), live.live().mac(),
                        nic.name(), live.live().network());
                Ledgers.requireWritable(device, on.where());
            }
        }
        JobResult job = cluster.modify(on.name(), NicRequests.modify(nic.uuid(), params, false), on.deadline(),
                on.where());
        requireSuccess(on, job);
        if (device != null) {
            ledgers.record(on.name(), new Ledger.VmHas(job.id(), device.runtimeUuid(), device.mac(), device.name(),
                    device.network()), on.repairDeadline(), on.where());
        }
    }

    void unpersist(OnInstance on, NicSpec spec) throws TargetException {
        Optional<ConfigNic> configured = on.configured(spec);
        if (configured.isEmpty()) {
            return;
        }
        ConfigNic nic = configured.get();
        Ledger.VmHas device = null;
        if (on.inVm(nic) && on.ledger().deviceOf(nic).isEmpty()) {
            // the VM keeps the device until a restart
            device = new Ledger.VmHas(Long.MAX_VALUE, Hotplugs.shortUuid(nic.uuid()), nic.mac(), nic.name(),
                    Networks.of(nic));
            Ledgers.requireWritable(device, on.where());
        }
        JobResult job = cluster.modify(on.name(), NicRequests.remove(nic.uuid(), false), on.deadline(), on.where());
        requireSuccess(on, job);
        if (device != null) {
            ledgers.record(on.name(), new Ledger.VmHas(job.id(), device.runtimeUuid(), device.mac(), device.name(),
                    device.network()), on.repairDeadline(), on.where());
        }
        ledgers.forget(on.name(), on.ledger().entries().stream()
                .filter(e -> e instanceof Ledger.VmLacks l && l.nicUuid().equals(nic.uuid())).toList(),
                on.repairDeadline(), on.where());
    }

    private static boolean same(LiveNic n, NicSpec spec) {
        return spec.name() != null ? spec.name().equals(n.name()) : spec.mac() != null && spec.mac().equals(n.mac());
    }

    private static void requireSuccess(OnInstance on, JobResult job) throws TargetException {
        if (!job.succeeded()) {
            throw Failures.of(on.where(), job);
        }
    }
}
