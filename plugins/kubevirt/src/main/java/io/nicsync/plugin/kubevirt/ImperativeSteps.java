package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.time.Duration;

/**
 * Steps on KubeVirt v1.0, which plugs and unplugs NICs of a running VM through virt-api's {@code addinterface} /
 * {@code removeinterface} subresources of the VirtualMachine (behind the HotplugNICs gate): KubeVirt then writes the
 * VM template and the VMI itself. A bridge interface named and attached to a NAD is all {@code addinterface} can
 * express. Everything else, and every change of a VM that does not take it live, is a write of the template as on
 * later releases ({@link TemplateWrites}): v1.0 applies it at the VM's next start.
 */
final class ImperativeSteps implements StepRunner {
    private final Api api;
    private final Waiter waiter;
    private final Effects effects;
    private final MigrationRunner migrations;
    private final KubevirtCapabilities capabilities;
    private final Restarts restarts;
    private final VmPatcher patcher;
    private final TemplateWrites writes;

    ImperativeSteps(Api api, Waiter waiter, Effects effects, MigrationRunner migrations,
            KubevirtCapabilities capabilities, Restarts restarts, VmPatcher patcher) {
        this.restarts = restarts;
        this.api = api;
        this.waiter = waiter;
        this.effects = effects;
        this.migrations = migrations;
        this.capabilities = capabilities;
        this.patcher = patcher;
        this.writes = new TemplateWrites(capabilities);
    }

    @Override
    public void run(Step step, Duration timeout) throws TargetException {
        switch (step) {
            case AddNic add -> add(add.vm(), add.spec(), timeout);
            case PersistNic persist -> persist(persist.vm(), persist.spec());
            case UnplugNic unplug -> remove(unplug.vm(), unplug.spec().name(), timeout);
            case UnpersistNic unpersist -> unpersist(unpersist.vm(), unpersist.spec().name());
            case RestartRequired restart -> restarts.restart(restart.vm(), restart.pending(), timeout);
            case Migrate migrate ->
                    migrations.migrate(migrate.vm(), timeout, DeclarativeSteps.carried(migrate.carries()));
            default -> throw new TargetException(Reason.UNSUPPORTED, Failures.subject(step.vm().namespace(),
                    step.vm().name(), step.nic()) + ": KubeVirt " + capabilities.cluster().version()
                    + " cannot " + what(step) + "; link state needs v1.5, a live NAD change v1.8");
        }
    }

    private void add(VmRef vm, NicSpec nic, Duration timeout) throws TargetException {
        String subject = Failures.subject(vm.namespace(), vm.name(), nic.name());
        requireGate(subject);
        requireExpressible(subject, nic);
        effects.deleted(vm, nic.name(), timeout); // added back after an unplug: once KubeVirt let go of the old one
        ObservedVm before = writeOutPodNic(vm, nic.name());
        if (before.templateInterface(nic.name()) == null) {
            addinterface(vm, nic, subject);
        }
        if (before.running()) {
            effects.plugged(vm, nic.name(), capabilities.hotplugMode(), timeout);
        }
    }

    /**
     * A NIC staged for the migration that plugs it goes in through {@code addinterface}, which puts it into the VMI
     * spec too; any other persistent change is a template write.
     */
    private void persist(VmRef vm, NicSpec nic) throws TargetException {
        String subject = Failures.subject(vm.namespace(), vm.name(), nic.name());
        ObservedVm now = waiter.look(vm.namespace(), vm.name());
        boolean staged = now.running() && capabilities.hotplugMode() == HotplugMode.MIGRATION
                && now.templateInterface(nic.name()) == null && capabilities.canHotplug(
                        LiveVmReader.read(vm.target(), now, capabilities.cluster().version()), nic);
        if (staged) {
            writeOutPodNic(vm, nic.name());
            addinterface(vm, nic, subject);
            return;
        }
        patcher.apply(vm.namespace(), vm.name(), nic.name(), o -> writes.persist(subject, o, nic));
    }

    private void remove(VmRef vm, String nic, Duration timeout) throws TargetException {
        String subject = Failures.subject(vm.namespace(), vm.name(), nic);
        requireGate(subject);
        ObservedVm before = waiter.look(vm.namespace(), vm.name());
        var iface = before.templateInterface(nic);
        if (iface == null || Interfaces.absent(iface)) {
            return;
        }
        NicRules.requireUnpluggable(subject, iface, before.templateNetwork(nic));
        removeinterface(vm, nic, subject);
        if (before.running()) {
            effects.released(vm, nic, timeout);
        }
    }

    /** Out of the template: through {@code removeinterface} where KubeVirt unplugs it live, else the entry removed. */
    private void unpersist(VmRef vm, String nic) throws TargetException {
        ObservedVm now = waiter.look(vm.namespace(), vm.name());
        if (writes.unplugsLive(now, nic)) {
            removeinterface(vm, nic, Failures.subject(vm.namespace(), vm.name(), nic));
            return;
        }
        patcher.apply(vm.namespace(), vm.name(), nic, o -> writes.removal(o, nic));
    }

    /**
     * KubeVirt v1.0 appends an added NIC to the template, and a template that named no NIC then boots without the
     * pod network KubeVirt gave it: so that interface is written out first ({@link TemplatePatch}).
     */
    private ObservedVm writeOutPodNic(VmRef vm, String nic) throws TargetException {
        return patcher.apply(vm.namespace(), vm.name(), nic, o -> o.implicitPodNic()
                && o.templateInterface(nic) == null ? new TemplatePatch(o).podNicWrittenOut() : null);
    }

    private void addinterface(VmRef vm, NicSpec nic, String subject) throws TargetException {
        ObjectNode body = TemplatePatch.JSON.createObjectNode();
        body.put("name", nic.name());
        body.put("networkAttachmentDefinitionName", Networks.networkName(nic.network(), vm.namespace()));
        put(vm, "addinterface", body, subject);
    }

    private void removeinterface(VmRef vm, String nic, String subject) throws TargetException {
        ObjectNode body = TemplatePatch.JSON.createObjectNode();
        body.put("name", nic);
        put(vm, "removeinterface", body, subject);
    }

    private void put(VmRef vm, String subresource, ObjectNode body, String subject) throws TargetException {
        try {
            api.putVmSubresource(vm.namespace(), vm.name(), subresource, body);
        } catch (KubernetesClientException e) {
            throw Failures.of(subject + " (" + subresource + ")", e);
        }
    }

    private void requireGate(String subject) throws TargetException {
        if (!capabilities.cluster().featureGates().contains("HotplugNICs")) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": KubeVirt " + capabilities.cluster().version()
                    + " changes NICs of a running VM only with the HotplugNICs feature gate; add it to the KubeVirt "
                    + "CR's spec.configuration.developerConfiguration.featureGates");
        }
    }

    private static void requireExpressible(String subject, NicSpec nic) throws TargetException {
        NicRules.requireHotpluggable(subject, nic);
        if (!KubevirtCapabilities.binding(nic).equals("bridge") || nic.mac() != null
                || nic.model() != null && !nic.model().equals("virtio")) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": addinterface (KubeVirt v1.0) adds a virtio "
                    + "bridge interface by name and NAD only: no binding, model or MAC of choice");
        }
    }

    private static String what(Step step) {
        return step.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
