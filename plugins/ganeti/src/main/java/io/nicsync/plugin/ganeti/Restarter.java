package io.nicsync.plugin.ganeti;

import io.nicsync.spi.TargetException;
import java.time.Duration;

/**
 * Brings an instance's configuration into its VM: a hard reboot of a running instance, a start of a stopped one.
 * Not a soft reboot: Ganeti's KVM hypervisor restarts QEMU from the runtime record it kept, so a soft reboot
 * brings no configuration change in. The guest gets half the step's time (at most Ganeti's default two minutes)
 * to shut down on the ACPI power button before it is killed. Afterwards the ledger is empty: the VM is its
 * configuration again.
 */
final class Restarter {
    private static final long MAX_SHUTDOWN_SECONDS = 120;
    private final Cluster cluster;
    private final Ledgers ledgers;

    Restarter(Cluster cluster, Ledgers ledgers) {
        this.cluster = cluster;
        this.ledgers = ledgers;
    }

    void restart(OnInstance on, Duration timeout) throws TargetException {
        JobResult job = on.observed().running()
                ? cluster.rebootHard(on.name(), Math.min(MAX_SHUTDOWN_SECONDS, timeout.dividedBy(2).toSeconds()),
                        on.deadline(), on.where())
                : cluster.startup(on.name(), on.deadline(), on.where());
        if (!job.succeeded()) {
            TargetException failed = Failures.of(on.where(), job);
            // a hard reboot stops the VM before it starts it again: say where that left it
            String state = cluster.instance(on.name()).map(i -> i.status() + (Boolean.TRUE.equals(i.operState())
                    ? ", running" : ", not running")).orElse("gone");
            throw new TargetException(failed.reason(), failed.getMessage() + "; the instance is now " + state, failed);
        }
        ledgers.forget(on.name(), on.ledger().entries(), on.repairDeadline(), on.where());
    }
}
