package io.nicsync.plugin.ganeti;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Instant;
import java.util.Optional;

/**
 * One step's view of its instance, freshly observed when the step starts, and its deadline.
 *
 * @param where {@code instance/nic} for messages
 */
record OnInstance(Observer.Observed observed, String where, Instant deadline) {

    String name() {
        return observed.instance().name();
    }

    Instance instance() {
        return observed.instance();
    }

    Ledger ledger() {
        return observed.ledger();
    }

    /** The configured NIC a step's NIC is: by name when it has one, else by MAC (as {@code Nics.find}). */
    Optional<ConfigNic> configured(NicSpec spec) {
        return find(instance(), spec.name(), spec.mac());
    }

    static Optional<ConfigNic> find(Instance instance, String name, MacAddress mac) {
        return instance.nics().stream().filter(n -> Nics.identifies(name, mac, n.name(), n.mac())).findFirst();
    }

    /** The NIC is plugged as far as nicsync knows: configured, and not recorded as missing from the VM. */
    boolean inVm(ConfigNic nic) {
        return observed.running() && !ledger().lacks(nic.uuid());
    }

    /** Ganeti can no longer hotplug this NIC: its runtime record is not the configured NIC's. */
    boolean pinned(ConfigNic nic) {
        return observed.pinned().contains(nic.label());
    }

    void requireHotplug(String what) throws TargetException {
        if (!observed.running()) {
            throw new TargetException(Reason.UNSUPPORTED, where + ": the instance is not running, so " + what
                    + " is not possible (Ganeti hotplugs into running instances only)");
        }
        if (!observed.vm().capacity().supported()) {
            throw new TargetException(Reason.UNSUPPORTED, where + ": Ganeti cannot hotplug here: "
                    + observed.vm().capacity().detail());
        }
    }

    void requireModel(String model) throws TargetException {
        if (model != null && observed.model() != null && !model.equals(observed.model())) {
            throw new TargetException(Reason.UNSUPPORTED, where + ": model " + model + " differs from the instance's"
                    + " nic_type " + Models.nicType(observed.model()) + ", which Ganeti applies to all its NICs;"
                    + " nicsync does not change hypervisor parameters (gnt-instance modify -H nic_type=...)");
        }
    }

    /** Putting things back after a failure may take this long past the step's own deadline. */
    Instant repairDeadline() {
        return deadline.plusSeconds(30);
    }
}
