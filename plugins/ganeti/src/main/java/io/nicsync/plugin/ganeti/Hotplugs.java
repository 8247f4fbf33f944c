package io.nicsync.plugin.ganeti;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.List;
import java.util.Optional;

/**
 * The live steps: hot-add, hot-remove and hot-modify, each one OpInstanceSetParams job with {@code hotplug: true}.
 *
 * <p>Ganeti changes its configuration even when the hotplug fails (the job still ends {@code success}, with
 * {@code hotplug:failed} in its result). A failed step must not leave the configuration describing a VM that is not
 * there, so each failure is answered by putting the configuration back as far as Ganeti allows, and what it does
 * not allow is recorded in the {@link Ledger}; then the step fails with Ganeti's reason.
 */
final class Hotplugs {
    /** Ganeti's words when its runtime record has no such device: it was never hotplugged under this UUID. */
    private static final String NO_RUNTIME_RECORD = "Cannot find runtime info";
    /** Ganeti's words when the guest did not eject the device within its five one-second checks. */
    private static final String STILL_THERE = "should have been removed but is still there";

    private final Cluster cluster;
    private final Ledgers ledgers;

    Hotplugs(Cluster cluster, Ledgers ledgers) {
        this.cluster = cluster;
        this.ledgers = ledgers;
    }

    void add(OnInstance on, NicSpec spec) throws TargetException {
        on.requireHotplug("a hotplug");
        on.requireModel(spec.model());
        Optional<ConfigNic> configured = on.configured(spec);
        if (configured.isPresent() && on.inVm(configured.get())) {
            return; // plugged already, by an earlier run that did not live to record it: the verification decides
        }
        if (configured.isPresent()) {
            plugConfigured(on, configured.get(), spec);
            return;
        }
        JobResult job = cluster.modify(on.name(), NicRequests.add(spec, spec.mac(), true), on.deadline(), on.where());
        requireSuccess(on, job);
        if (!job.hotplugDone()) {
            takeOutAgain(on, spec, job);
        }
    }

    /**
     * A NIC in the configuration that the VM lacks: Ganeti plugs only what it adds, so it is removed and added
     * again with its MAC. The removal is a hot-remove, in case the VM had the device after all (a restart nicsync
     * did not see): then Ganeti takes it out of the VM too.
     */
    private void plugConfigured(OnInstance on, ConfigNic nic, NicSpec spec) throws TargetException {
        JobResult removed = cluster.modify(on.name(), NicRequests.remove(nic.uuid(), true), on.deadline(), on.where());
        requireSuccess(on, removed);
        if (!removed.hotplugDone() && !removed.warningText().contains(NO_RUNTIME_RECORD)) {
            // the VM had the device after all, and its guest did not let it go
            keepWhatTheVmHas(on, nic, removed);
        }
        MacAddress mac = spec.mac() != null ? spec.mac() : nic.mac();
        JobResult added = cluster.modify(on.name(), NicRequests.add(spec, mac, true), on.deadline(), on.where());
        if (!added.succeeded()) {
            // back into the configuration as it was, still not in the VM
            JobResult back = cluster.modify(on.name(), NicRequests.addAsConfigured(nic), on.repairDeadline(),
                    on.where());
            recordLacking(on, back, nic.name(), nic.mac());
            throw Failures.of(on.where(), added);
        }
        ledgers.forget(on.name(), on.ledger().entries().stream()
                .filter(e -> e instanceof Ledger.VmLacks l && l.nicUuid().equals(nic.uuid())).toList(),
                on.repairDeadline(), on.where());
        if (!added.hotplugDone()) {
            recordLacking(on, added, spec.name(), mac);
            throw hotplugFailed(on, added, "it stays in the configuration, not in the VM, until a restart");
        }
    }

    /** A hot-add that did not plug: Ganeti added the NIC to the configuration all the same. */
    private void takeOutAgain(OnInstance on, NicSpec spec, JobResult job) throws TargetException {
        Optional<ConfigNic> added = addedBy(on, spec, job);
        if (added.isEmpty()) {
            throw hotplugFailed(on, job, "and the NIC it added to the configuration could not be found again");
        }
        JobResult removed = cluster.modify(on.name(), NicRequests.remove(added.get().uuid(), false),
                on.repairDeadline(), on.where());
        if (!removed.succeeded()) {
            recordLacking(on, job, spec.name(), added.get().mac());
            throw hotplugFailed(on, job, "and removing the NIC from the configuration again failed ("
                    + removed.error() + "): it stays configured but not in the VM");
        }
        throw hotplugFailed(on, job, "nicsync removed it from the configuration again, so nothing changed");
    }

    void unplug(OnInstance on, NicSpec spec) throws TargetException {
        on.requireHotplug("an unplug");
        Optional<ConfigNic> configured = on.configured(spec);
        if (configured.isEmpty()) {
            if (on.observed().vm().nics().stream().anyMatch(n -> n.plugged() && Nics.identifies(spec, n.name(), n.mac()))) {
                throw new TargetException(Reason.UNSUPPORTED, on.where() + ": the running VM still has this device,"
                        + " which Ganeti's configuration no longer holds: only a restart removes it");
            }
            return; // gone already
        }
        ConfigNic nic = configured.get();
        if (!on.inVm(nic)) {
            // the VM lacks it; with one definition, unplugging it means taking it out of the configuration
            JobResult removed = cluster.modify(on.name(), NicRequests.remove(nic.uuid(), false), on.deadline(),
                    on.where());
            requireSuccess(on, removed);
            forgetAbout(on, nic);
            return;
        }
        if (on.pinned(nic)) {
            throw pinned(on);
        }
        JobResult job = cluster.modify(on.name(), NicRequests.remove(nic.uuid(), true), on.deadline(), on.where());
        requireSuccess(on, job);
        if (job.hotplugDone() || job.warningText().contains(NO_RUNTIME_RECORD)) {
            // (no runtime record: it was configured without a hotplug outside nicsync and never in the VM)
            forgetAbout(on, nic);
            return;
        }
        keepWhatTheVmHas(on, nic, job);
    }

    /**
     * The guest did not release the device: Ganeti has dropped the NIC from its configuration, the VM keeps it.
     * The NIC goes back into the configuration as it was (under a new UUID: Ganeti gives every added NIC one), and
     * the ledger records that Ganeti's runtime record of the device keeps the old UUID, so that nothing tries to
     * hotplug it again before a restart.
     */
    private void keepWhatTheVmHas(OnInstance on, ConfigNic nic, JobResult job) throws TargetException {
        // what the VM has: the configuration, or what an earlier entry recorded of the device
        Optional<Ledger.VmHas> earlier = on.ledger().deviceOf(nic);
        NetworkRef network = earlier.map(Ledger.VmHas::network).orElse(Networks.of(nic));
        MacAddress mac = earlier.map(Ledger.VmHas::mac).orElse(nic.mac());
        Ledger.VmHas device = new Ledger.VmHas(job.id(), shortUuid(nic.uuid()), mac, nic.name(), network);
        JobResult back = cluster.modify(on.name(), NicRequests.addAsConfigured(nic), on.repairDeadline(), on.where());
        String put = back.succeeded() ? "nicsync put the NIC back into the configuration"
                : "putting the NIC back into the configuration failed too (" + back.error() + ")";
        ledgers.record(on.name(), device, on.repairDeadline(), on.where());
        ledgers.forget(on.name(), earlier.stream().toList(), on.repairDeadline(), on.where());
        throw new TargetException(Reason.NOT_RELEASED, on.where() + ": the guest did not release the device ("
                + job.warningText() + "). Ganeti had already removed the NIC from its configuration; " + put
                + ". The VM keeps the device, which Ganeti can only remove at a restart (hard reboot)");
    }

    void repoint(OnInstance on, NicSpec spec, NetworkRef to) throws TargetException {
        on.requireHotplug("moving a plugged NIC");
        ConfigNic nic = on.configured(spec).orElseThrow(() -> new TargetException(Reason.NOT_FOUND,
                on.where() + ": no such NIC in the instance's configuration"));
        if (!on.inVm(nic)) {
            throw new TargetException(Reason.NOT_FOUND, on.where() + ": the running VM does not have this NIC");
        }
        if (on.pinned(nic)) {
            throw pinned(on);
        }
        var params = Json.object();
        Networks.put(params, to, nic.network() != null);
        JobResult job = cluster.modify(on.name(), NicRequests.modify(nic.uuid(), params, true), on.deadline(),
                on.where());
        requireSuccess(on, job);
        if (job.hotplugDone()) {
            forgetAbout(on, nic);
            return;
        }
        // Ganeti's hot-modify removes the device and adds it again. The configuration goes back as it was; where
        // the removal worked and the add did not, the VM now lacks the NIC.
        ConfigNic now = cluster.instance(on.name()).flatMap(i -> i.nicByUuid(nic.uuid())).orElse(nic);
        JobResult back = cluster.modify(on.name(), NicRequests.modify(nic.uuid(), NicRequests.asBefore(nic, now),
                false), on.repairDeadline(), on.where());
        boolean deviceStayed = job.warningText().contains(STILL_THERE);
        if (!deviceStayed) {
            ledgers.record(on.name(), new Ledger.VmLacks(back.id(), nic.uuid()), on.repairDeadline(), on.where());
        }
        throw hotplugFailed(on, job, (back.succeeded() ? "nicsync put the configuration back"
                : "putting the configuration back failed (" + back.error() + ")")
                + (deviceStayed ? "; the VM keeps the device as it was" : "; the VM no longer has the NIC"));
    }

    private void recordLacking(OnInstance on, JobResult job, String name, MacAddress mac) throws TargetException {
        Optional<ConfigNic> nic = cluster.instance(on.name()).flatMap(i -> OnInstance.find(i, name, mac));
        if (nic.isPresent()) {
            ledgers.record(on.name(), new Ledger.VmLacks(job.id(), nic.get().uuid()), on.repairDeadline(), on.where());
        }
    }

    private void forgetAbout(OnInstance on, ConfigNic nic) throws TargetException {
        List<Ledger.Entry> about = on.ledger().entries().stream()
                .filter(e -> e instanceof Ledger.VmLacks l && l.nicUuid().equals(nic.uuid())
                        || e instanceof Ledger.VmHas h && h.describes(nic))
                .toList();
        ledgers.forget(on.name(), about, on.repairDeadline(), on.where());
    }

    /** The NIC a job added: by name, or by the MAC in its {@code add:mac=...} change. */
    private Optional<ConfigNic> addedBy(OnInstance on, NicSpec spec, JobResult job) throws TargetException {
        MacAddress mac = spec.mac() != null ? spec.mac() : job.addedMac().orElse(null);
        return cluster.instance(on.name()).flatMap(i -> OnInstance.find(i, spec.name(), mac));
    }

    private static void requireSuccess(OnInstance on, JobResult job) throws TargetException {
        if (!job.succeeded()) {
            throw Failures.of(on.where(), job);
        }
    }

    private static TargetException hotplugFailed(OnInstance on, JobResult job, String after) {
        String why = job.warningText().isEmpty() ? "Ganeti did not hotplug it (no hotplug:done in job " + job.id()
                + ")" : job.warningText();
        Reason reason = why.contains(Failures.NO_SLOT) ? Reason.NO_CAPACITY : Reason.REFUSED;
        return new TargetException(reason, on.where() + ": Ganeti could not hotplug the NIC (job " + job.id()
                + " ended success with hotplug:failed): " + why + "; " + after);
    }

    private static TargetException pinned(OnInstance on) {
        return new TargetException(Reason.UNSUPPORTED, on.where() + ": Ganeti's runtime record of this device is"
                + " from before an unplug the guest did not acknowledge; Ganeti cannot hotplug it until the instance"
                + " restarts (hard reboot)");
    }

    static String shortUuid(String uuid) {
        int dash = uuid.indexOf('-');
        return dash < 0 ? uuid : uuid.substring(0, dash);
    }
}
