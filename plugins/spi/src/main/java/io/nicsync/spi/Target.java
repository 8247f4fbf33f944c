package io.nicsync.spi;

import java.time.Duration;
import java.util.List;

/**
 * One connected hypervisor or cluster. Observing is free for anyone; {@link #execute} changes live systems
 * and only the applier calls it.
 */
public interface Target extends AutoCloseable {

    String name();

    Capabilities capabilities();

    /** Every VM on the target, running or stopped. */
    List<LiveVm> observeAll() throws TargetException;

    /**
     * Every VM, as {@link #observeAll}, for a process that keeps this target open and observes it again and
     * again (a reconcile loop). A plugin may answer from a cache that a watch on the platform keeps current, so
     * that a cycle in which nothing changed lists nothing: such an answer can lag the platform by the watch's
     * delay, never more, and whatever acts on it checks the VMs again with {@link #observe} first (a plan's
     * stale check). By default, {@link #observeAll}.
     */
    default List<LiveVm> observeAllWatched() throws TargetException {
        return observeAll();
    }

    /** One VM; {@link TargetException.Reason#NOT_FOUND} when the target has no such VM. */
    LiveVm observe(VmRef vm) throws TargetException;

    /**
     * Everything that would make these steps fail, checked without changing anything: missing bridges,
     * networks or NetworkAttachmentDefinitions, capacity, permissions. Every problem, not the first.
     */
    default List<String> preflight(List<Step> steps) throws TargetException {
        return List.of();
    }

    /**
     * Carries out one step and returns when the platform has accepted it; waits no longer than
     * {@code timeout} for asynchronous effects (a guest releasing an unplugged NIC). The applier verifies
     * the effect afterwards with {@link Step#verifiedBy}.
     */
    void execute(Step step, Duration timeout) throws TargetException;

    /**
     * Tells the people who look after {@code vm} on this platform what nicsync did to it, where they look for such
     * things (KubeVirt: a Kubernetes Event on the VirtualMachine). Nothing of the VM changes. nicsync calls it off
     * the applier's path, when it runs in a cluster ({@code serve}, {@code reconcile --once}), and only logs a
     * failure. By default, nothing: a platform without such a place says nothing.
     */
    default void announce(VmRef vm, Announcement announcement) throws TargetException {
    }

    @Override
    void close();
}
