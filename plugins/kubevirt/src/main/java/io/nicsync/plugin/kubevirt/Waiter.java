package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import java.time.Duration;
import java.time.Instant;

/** Polls the cluster until a condition holds or a deadline passes, on the injected clock. */
final class Waiter {
    static final Duration POLL = Duration.ofSeconds(1);

    /** One look at the VM: done, not yet, or a failure that ends the wait. */
    interface Check {
        boolean done(ObservedVm vm) throws TargetException;
    }

    private final Api api;
    private final Pacer pacer;

    Waiter(Api api, Pacer pacer) {
        this.api = api;
        this.pacer = pacer;
    }

    /** Waits until {@code check} holds; false when {@code timeout} passed first. */
    boolean until(String namespace, String name, Duration timeout, Check check) throws TargetException {
        Instant deadline = pacer.now().plus(timeout);
        while (true) {
            ObservedVm vm = look(namespace, name);
            if (check.done(vm)) {
                return true;
            }
            if (!pacer.now().isBefore(deadline)) {
                return false;
            }
            sleep(POLL);
        }
    }

    /** The VM and its VMI as they are now; NOT_FOUND when the VM is gone. */
    ObservedVm look(String namespace, String name) throws TargetException {
        String subject = Failures.subject(namespace, name, null);
        try {
            ObservedVm vm = api.observe(namespace, name);
            if (vm == null) {
                throw new TargetException(Reason.NOT_FOUND, subject + ": no such VirtualMachine");
            }
            return vm;
        } catch (KubernetesClientException e) {
            throw Failures.of(subject, e);
        }
    }

    void sleep(Duration duration) throws TargetException {
        try {
            pacer.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(Reason.TIMEOUT, "interrupted while waiting", e);
        }
    }

    Pacer pacer() {
        return pacer;
    }
}
