package io.nicsync.apply;

/** What a VM's failed step leads to ({@code --on-failure}, {@code policy.onFailure}). */
public enum FailurePolicy {
    /** Undo the VM's completed steps in reverse through their inverses; other VMs go on. */
    ROLLBACK,
    /** Leave the VM as it is and start no further VM. */
    STOP,
    /** Leave the VM as it is; other VMs go on. */
    CONTINUE
}
