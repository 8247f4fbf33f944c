package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;

/**
 * Steps on KubeVirt v1.1+, where NICs are declared in the VM template and KubeVirt carries them into the
 * running VMI: add = template entry; unplug = {@code state: absent} (KubeVirt deletes the entry itself once
 * the guest let go: it is never written back); link = {@code state: down}; repoint = the network's
 * {@code networkName} and a migration. Live steps are refused where KubeVirt would not carry them into the VMI;
 * persist and unpersist write the template as {@link TemplateWrites} do, whatever waits for the next start.
 */
final class DeclarativeSteps implements StepRunner {
    private final VmPatcher patcher;
    private final Effects effects;
    private final MigrationRunner migrations;
    private final KubevirtCapabilities capabilities;
    private final LiveChangeGuards guards;
    private final TemplateWrites writes;
    private final Restarts restarts;

    DeclarativeSteps(VmPatcher patcher, Effects effects, MigrationRunner migrations,
            KubevirtCapabilities capabilities, Restarts restarts) {
        this.restarts = restarts;
        this.patcher = patcher;
        this.effects = effects;
        this.migrations = migrations;
        this.capabilities = capabilities;
        this.guards = new LiveChangeGuards(capabilities);
        this.writes = new TemplateWrites(capabilities);
    }

    @Override
    public void run(Step step, Duration timeout) throws TargetException {
        switch (step) {
            case AddNic add -> add(add.vm(), add.spec(), timeout);
            case PersistNic persist -> persist(persist.vm(), persist.spec());
            case UnplugNic unplug -> unplug(unplug.vm(), unplug.spec().name(), timeout);
            case UnpersistNic unpersist -> unpersist(unpersist.vm(), unpersist.spec().name());
            case SetLink link -> link(link.vm(), link.spec().name(), link.to(), timeout);
            case RepointNic repoint -> repoint(repoint.vm(), repoint.spec().name(), repoint.to(), timeout);
            case Migrate migrate -> migrations.migrate(migrate.vm(), timeout, carried(migrate.carries()));
            case RestartRequired restart -> restarts.restart(restart.vm(), restart.pending(), timeout);
        }
    }

    /** A NIC into the template that KubeVirt plugs into the running VM: refused where it would wait for a restart. */
    private void add(VmRef vm, NicSpec nic, Duration timeout) throws TargetException {
        String subject = subject(vm, nic.name());
        NicRules.requireHotpluggable(subject, nic);
        effects.deleted(vm, nic.name(), timeout); // added back after an unplug: once KubeVirt let go of the old one
        ObservedVm after = patcher.apply(vm.namespace(), vm.name(), nic.name(), o -> {
            guards.requireLiveChanges(subject, o);
            if (o.running()) {
                guards.requireCapacity(subject, o, nic.name());
            }
            return writes.persist(subject, o, nic);
        });
        if (after.running()) {
            effects.plugged(vm, nic.name(), capabilities.hotplugMode(), timeout);
        }
    }

    /** The template entry made to match {@code nic}, whatever of it KubeVirt applies only at the next start. */
    private void persist(VmRef vm, NicSpec nic) throws TargetException {
        String subject = subject(vm, nic.name());
        patcher.apply(vm.namespace(), vm.name(), nic.name(), o -> writes.persist(subject, o, nic));
    }

    private void unplug(VmRef vm, String nic, Duration timeout) throws TargetException {
        ObservedVm after = markAbsent(vm, nic);
        if (after.running()) {
            effects.released(vm, nic, timeout);
        }
    }

    /** Out of the template: {@code state: absent} where KubeVirt then unplugs it live, else the entry removed. */
    private void unpersist(VmRef vm, String nic) throws TargetException {
        patcher.apply(vm.namespace(), vm.name(), nic, o -> writes.unplugsLive(o, nic)
                ? new TemplatePatch(o).state(nic, "absent")
                : writes.removal(o, nic));
    }

    private ObservedVm markAbsent(VmRef vm, String nic) throws TargetException {
        String subject = subject(vm, nic);
        return patcher.apply(vm.namespace(), vm.name(), nic, o -> {
            JsonNode iface = o.templateInterface(nic);
            if (iface == null) {
                if (o.vmiInterface(nic) != null && !Interfaces.absent(o.vmiInterface(nic))) {
                    throw new TargetException(Reason.UNSUPPORTED, subject + ": deleted from the VM template without "
                            + "state: absent, which KubeVirt applies only at a restart (RestartRequired)");
                }
                return null;
            }
            NicRules.requireUnpluggable(subject, iface, o.templateNetwork(nic));
            guards.requireLiveChanges(subject, o);
            return Interfaces.absent(iface) ? null : new TemplatePatch(o).state(nic, "absent");
        });
    }

    private void link(VmRef vm, String nic, LinkState to, Duration timeout) throws TargetException {
        String subject = subject(vm, nic);
        ObservedVm after = patcher.apply(vm.namespace(), vm.name(), nic, o -> {
            JsonNode iface = o.templateInterface(nic);
            guards.requireLinkState(subject, iface == null ? null : Interfaces.binding(iface));
            if (iface == null || Interfaces.absent(iface)) {
                throw new TargetException(Reason.NOT_FOUND, subject + ": not in the VM template");
            }
            guards.requireLiveChanges(subject, o);
            return new TemplatePatch(o).state(nic, to == LinkState.DOWN ? "down" : null);
        });
        if (after.running()) {
            effects.link(vm, nic, to, timeout);
        }
    }

    private void repoint(VmRef vm, String nic, NetworkRef to, Duration timeout) throws TargetException {
        String subject = subject(vm, nic);
        if (!Networks.isMultus(to)) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": can only be moved to a multus network");
        }
        ObservedVm after = patcher.apply(vm.namespace(), vm.name(), nic, o -> {
            if (o.templateNetwork(nic) == null) {
                throw new TargetException(Reason.NOT_FOUND, subject + ": not in the VM template");
            }
            guards.requireLiveChanges(subject, o);
            guards.requireRepoint(subject, o);
            return new TemplatePatch(o).networkName(nic, to);
        });
        if (after.running()) {
            migrations.migrate(vm, timeout, o -> to.equals(Interfaces.network(
                    Interfaces.named(Interfaces.networks(o.vmi().path("spec")), nic).orElse(null), vm.namespace()))
                    && o.migrationRequired().isEmpty());
        }
    }

    static Waiter.Check carried(List<NicSpec> carries) {
        return o -> carries.stream().allMatch(n -> o.attached(n.name()));
    }

    private static String subject(VmRef vm, String nic) {
        return Failures.subject(vm.namespace(), vm.name(), nic);
    }
}
