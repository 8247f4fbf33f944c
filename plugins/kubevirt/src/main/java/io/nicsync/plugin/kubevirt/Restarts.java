package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;

/**
 * The {@code restart-required} step, executed only when the policy allows restarts: the changes KubeVirt
 * applies only at a restart (binding, model, MAC) are written into the template, then virt-api restarts the
 * VM and the new VMI is made from that template. This is the only place such changes are written, so that
 * they never sit in a template behind a sticky RestartRequired.
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
                NicRules.requireHotpluggable(Failures.subject(vm.namespace(), vm.name(), nic.name()), nic);
                patch.replaceNic(nic);
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
