package io.nicsync.spi;

import java.util.Optional;

/**
 * One change to one VM. A plan is an ordered list of steps; the applier executes them one by one through
 * {@link Target#execute}, then re-observes the VM until {@link #verifiedBy} holds.
 *
 * <p>Every step knows its inverse, computed when the plan is made from the state observed then, so a
 * failed apply can be rolled back without guessing. A step whose inverse is empty cannot be undone (a
 * migration, a restart). The {@link #reason()} is for people: nothing may branch on it.
 */
public sealed interface Step
        permits AddNic, UnplugNic, RepointNic, SetLink, PersistNic, UnpersistNic, Migrate, RestartRequired {

    VmRef vm();

    /** What the step does: its symbol, name, rank in a VM's order and scope. */
    Action action();

    /** Why the step is in the plan, in words. For display only. */
    String reason();

    /** The step that undoes this one, or empty when it cannot be undone. */
    Optional<Step> inverse();

    /** Whether the observed VM shows this step's effect. Pure: it looks at {@code vm} only. */
    boolean verifiedBy(LiveVm vm);

    /** The NIC the step concerns, or null for a step on the whole VM. */
    String nic();
}
