package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.AddNic;
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
 * Steps on KubeVirt v1.0, which changes NICs through virt-api's {@code addinterface} / {@code removeinterface}
 * subresources of the VirtualMachine (behind the HotplugNICs gate): KubeVirt then writes the VM template and
 * the VMI itself. A bridge interface named and attached to a NAD is all {@code addinterface} can express.
 */
final class ImperativeSteps implements StepRunner {
    private final Api api;
    private final Waiter waiter;
    private final Effects effects;
    private final MigrationRunner migrations;
    private final KubevirtCapabilities capabilities;
    private final Restarts restarts;

    ImperativeSteps(Api api, Waiter waiter, Effects effects, MigrationRunner migrations,
            KubevirtCapabilities capabilities, Restarts restarts) {
        this.restarts = restarts;
        this.api = api;
        this.waiter = waiter;
        this.effects = effects;
        this.migrations = migrations;
        this.capabilities = capabilities;
    }

    @Override
    public void run(Step step, Duration timeout) throws TargetException {
        switch (step) {
            case AddNic add -> add(add.vm(), add.spec(), timeout);
            case PersistNic persist -> add(persist.vm(), persist.spec(), null);
            case UnplugNic unplug -> remove(unplug.vm(), unplug.spec().name(), timeout);
            case UnpersistNic unpersist -> remove(unpersist.vm(), unpersist.spec().name(), null);
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
        NicRules.requireHotpluggable(subject, nic);
        if (!KubevirtCapabilities.binding(nic).equals("bridge") || nic.mac() != null
                || nic.model() != null && !nic.model().equals("virtio")) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": addinterface (KubeVirt v1.0) adds a virtio "
                    + "bridge interface by name and NAD only: no binding, model or MAC of choice");
        }
        ObservedVm before = waiter.look(vm.namespace(), vm.name());
        if (before.templateInterface(nic.name()) == null) {
            ObjectNode body = TemplatePatch.JSON.createObjectNode();
            body.put("name", nic.name());
            body.put("networkAttachmentDefinitionName", Networks.networkName(nic.network(), vm.namespace()));
            put(vm, "addinterface", body, subject);
        }
        if (timeout != null && before.running()) {
            effects.plugged(vm, nic.name(), capabilities.hotplugMode(), timeout);
        }
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
        ObjectNode body = TemplatePatch.JSON.createObjectNode();
        body.put("name", nic);
        put(vm, "removeinterface", body, subject);
        if (timeout != null && before.running()) {
            effects.released(vm, nic, timeout);
        }
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

    private static String what(Step step) {
        return step.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
