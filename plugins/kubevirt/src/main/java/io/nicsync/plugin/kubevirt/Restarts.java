package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;

/**
 * The {@code restart-required} step, executed only when the policy allows restarts: virt-api restarts the VM
 * and the new VMI is made from the template. The plan's persistent steps wrote the changes that wait for it
 * into the template before; what the template still lacks of them (a plan applied after an earlier one stopped
 * short) is written first, and so is the MAC of each NIC it brings in where the template names none (KubeVirt
 * would give a new VMI another one), so that the restart brings in what it promised.
 */
final class Restarts {
    private final Api api;
    private final VmPatcher patcher;
    private final Waiter waiter;

    Restarts(Api api, VmPatcher patcher, Waiter waiter) {
        this.api = api;
        this.patcher = patcher;
        this.waiter = waiter;
    }

    void restart(VmRef vm, List<NicSpec> pending, Duration timeout) throws TargetException {
        String subject = Failures.subject(vm.namespace(), vm.name(), null);
        ObservedVm written = patcher.apply(vm.namespace(), vm.name(), null, o -> {
            TemplatePatch patch = new TemplatePatch(o);
            for (NicSpec nic : pending) {
                if (!Nics.satisfies(o.templateSpec(nic.name()), nic)) {
                    patch.replaceNic(nic);
                }
                if (nic.mac() != null) {
                    patch.pinMac(nic.name(), nic.mac()); // the restart keeps the MAC it promises
                }
            }
            return patch;
        });
        if (written.vmi() == null) {
            return; // a stopped VM boots from the template it now has
        }
        String before = written.vmi().path("metadata").path("uid").asText();
        try {
            api.putVmSubresource(vm.namespace(), vm.name(), "restart", TemplatePatch.JSON.createObjectNode());
        } catch (KubernetesClientException e) {
            throw Failures.of(subject + " (restart)", e);
        }
        boolean restarted = waiter.until(vm.namespace(), vm.name(), timeout, o -> o.running()
                && !o.vmi().path("metadata").path("uid").asText().equals(before));
        if (!restarted) {
            throw new TargetException(Reason.TIMEOUT, subject + ": not running again after " + timeout
                    + " since the restart");
        }
    }
}
