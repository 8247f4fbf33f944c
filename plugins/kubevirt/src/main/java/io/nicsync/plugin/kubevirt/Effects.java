package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Duration;

/**
 * Waiting for KubeVirt to carry out a template change on the running VMI, each with what a timeout means:
 * a plugged NIC is one virt-handler reports from the domain; a released one has left the domain.
 */
final class Effects {
    private final Waiter waiter;

    Effects(Waiter waiter) {
        this.waiter = waiter;
    }

    /**
     * In place: until the guest has the NIC. By migration: until KubeVirt has put it into the VMI spec, where
     * the migration picks it up.
     */
    void plugged(VmRef vm, String nic, HotplugMode mode, Duration timeout) throws TargetException {
        boolean inPlace = mode == HotplugMode.IN_PLACE;
        boolean done = waiter.until(vm.namespace(), vm.name(), timeout, o -> {
            if (inPlace && o.vmiInterface(nic) != null && o.migrationRequired().isPresent() && !o.attached(nic)) {
                throw new TargetException(Reason.UNSUPPORTED, Failures.subject(vm.namespace(), vm.name(), nic)
                        + ": KubeVirt can plug it only by migrating the VM (VMI condition MigrationRequired): "
                        + "SR-IOV, or no multus dynamic-networks controller; plan a migration (hotplug: migration)");
            }
            return !o.running() || (inPlace ? o.attached(nic) : o.vmiInterface(nic) != null);
        });
        if (!done) {
            JsonNode status = waiter.look(vm.namespace(), vm.name()).statusInterface(nic);
            throw new TargetException(Reason.TIMEOUT, Failures.subject(vm.namespace(), vm.name(), nic) + ": not "
                    + (inPlace ? "plugged into the guest" : "in the VMI spec") + " after " + timeout
                    + (status == null ? " (not in the VMI status)"
                            : " (VMI status infoSource: " + status.path("infoSource").asText() + ")"));
        }
    }

    void released(VmRef vm, String nic, Duration timeout) throws TargetException {
        if (!waiter.until(vm.namespace(), vm.name(), timeout, o -> !o.running() || !o.attached(nic))) {
            throw new TargetException(Reason.NOT_RELEASED, Failures.subject(vm.namespace(), vm.name(), nic)
                    + ": the guest has not released the interface after " + timeout
                    + " (state: absent; KubeVirt keeps the entry until the guest lets go)");
        }
    }

    /**
     * Until no entry of {@code nic} is being unplugged from the template ({@code state: absent}): KubeVirt deletes
     * it once the guest released the NIC, and only then takes a NIC of that name again. Returns at once when there
     * is none.
     */
    void deleted(VmRef vm, String nic, Duration timeout) throws TargetException {
        if (!waiter.until(vm.namespace(), vm.name(), timeout, o -> o.templateInterface(nic) == null
                || !Interfaces.absent(o.templateInterface(nic)))) {
            throw new TargetException(Reason.TIMEOUT, Failures.subject(vm.namespace(), vm.name(), nic)
                    + ": KubeVirt has not deleted the unplugged interface of that name after " + timeout
                    + " (state: absent); a NIC of the same name can be added once it has");
        }
    }

    void link(VmRef vm, String nic, LinkState to, Duration timeout) throws TargetException {
        String want = to.yaml();
        if (!waiter.until(vm.namespace(), vm.name(), timeout, o -> !o.running() || o.statusInterface(nic) != null
                && want.equals(o.statusInterface(nic).path("linkState").asText()))) {
            throw new TargetException(Reason.TIMEOUT, Failures.subject(vm.namespace(), vm.name(), nic)
                    + ": link not reported " + want + " after " + timeout);
        }
    }
}
