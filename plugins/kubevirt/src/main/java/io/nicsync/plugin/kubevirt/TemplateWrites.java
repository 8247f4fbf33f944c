package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;

/**
 * Changes of the persistent definition alone (the VM template), as both API generations make them. KubeVirt's API
 * takes any of them, running VM or not: on a running VM it carries into the VMI what it can and keeps the rest
 * for the next start (condition {@code RestartRequired} from v1.2), which is what a plan's restart-required step
 * is there for. So a persistent step is never refused for being restart-only; only a configuration the release
 * cannot hold at all (a link state before v1.5) is.
 */
final class TemplateWrites {
    private final KubevirtCapabilities capabilities;
    private final LiveChangeGuards guards;

    TemplateWrites(KubevirtCapabilities capabilities) {
        this.capabilities = capabilities;
        this.guards = new LiveChangeGuards(capabilities);
    }

    /**
     * The patch that makes the template entry of {@code nic} match it, added or changed as little as it takes
     * ({@link EntryEdit}); null when it matches already.
     */
    TemplatePatch persist(String subject, ObservedVm vm, NicSpec nic) throws TargetException {
        if (nic.link() == LinkState.DOWN) {
            guards.requireLinkState(subject, KubevirtCapabilities.binding(nic));
        }
        JsonNode iface = vm.templateInterface(nic.name());
        if (iface != null && Interfaces.absent(iface)) {
            throw new TargetException(Reason.CONFLICT, subject + ": being unplugged (state: absent); KubeVirt "
                    + "deletes the entry once the guest has released it, add it again after that");
        }
        return Nics.satisfies(vm.templateSpec(nic.name()), nic) ? null : new TemplatePatch(vm).replaceNic(nic);
    }

    /**
     * Whether taking {@code nic} out of the template unplugs it from the running VM: it is in the VMI and KubeVirt
     * unplugs its kind of interface ({@code state: absent}). Otherwise the entry itself goes, and a running VM
     * loses the NIC at its next start.
     */
    boolean unplugsLive(ObservedVm vm, String nic) {
        JsonNode iface = vm.templateInterface(nic);
        JsonNode running = vm.vmiInterface(nic);
        return iface != null && running != null && !Interfaces.absent(running) && capabilities.canUnplug(
                Interfaces.binding(iface), Interfaces.network(vm.templateNetwork(nic), vm.namespace()));
    }

    /** The patch that removes the template entry of {@code nic}; null when there is none (or it is leaving). */
    TemplatePatch removal(ObservedVm vm, String nic) {
        JsonNode iface = vm.templateInterface(nic);
        return iface == null || Interfaces.absent(iface) ? null : new TemplatePatch(vm).removeNic(nic);
    }
}
