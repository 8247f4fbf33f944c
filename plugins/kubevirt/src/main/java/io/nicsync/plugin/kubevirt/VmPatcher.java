package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import java.time.Duration;

/**
 * Optimistic writes of a VM template: the patch is built from a fresh read and tests that read's
 * resourceVersion. When another writer got there first (409, or 422 from the failed {@code test}) the VM is
 * read again and the patch rebuilt, a bounded number of times. A 422 on an unchanged VM is a real refusal
 * (KubeVirt's webhook) and is not retried.
 */
final class VmPatcher {
    static final int ATTEMPTS = 5;
    private static final Duration BACKOFF = Duration.ofMillis(200);

    /** Builds the change from the VM as it is now; a patch without changes is not sent. */
    interface Change {
        TemplatePatch build(ObservedVm vm) throws TargetException;
    }

    private final Api api;
    private final Waiter waiter;

    VmPatcher(Api api, Waiter waiter) {
        this.api = api;
        this.waiter = waiter;
    }

    /** Applies the change; returns the VM as the change left it (or as read, when there was nothing to do). */
    ObservedVm apply(String namespace, String name, String nic, Change change) throws TargetException {
        String subject = Failures.subject(namespace, name, nic);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ObservedVm vm = waiter.look(namespace, name);
            TemplatePatch patch = change.build(vm);
            if (patch == null || !patch.changes()) {
                return vm;
            }
            try {
                return vm.withVm(api.patchVm(namespace, name, patch.ops()));
            } catch (KubernetesClientException e) {
                if (!(e.getCode() == 409 || e.getCode() == 422) || !changedSince(vm)) {
                    throw Failures.of(subject, e);
                }
                backoff(attempt);
            }
        }
        throw new TargetException(Reason.CONFLICT, subject + ": the VM kept changing under " + ATTEMPTS
                + " attempts to patch its template");
    }

    private boolean changedSince(ObservedVm vm) throws TargetException {
        ObservedVm now = waiter.look(vm.namespace(), vm.name());
        return !now.resourceVersion().equals(vm.resourceVersion());
    }

    private void backoff(int attempt) throws TargetException {
        waiter.sleep(BACKOFF.multipliedBy(attempt));
    }
}
