/**
 * Plans: from desired and observed VMs to an ordered list of {@link io.nicsync.spi.Step}s, as a value.
 *
 * <p>The CLI calls {@link io.nicsync.plan.Planner#plan} with one {@link io.nicsync.plan.PlanInput} per VM
 * (desired, observed, the target's {@link io.nicsync.spi.Capabilities}), saves the result with
 * {@link io.nicsync.plan.PlanFile}, shows it with {@link io.nicsync.plan.HumanPlanView} or
 * {@link io.nicsync.plan.JsonPlanView}, and before applying a saved plan asks
 * {@link io.nicsync.plan.StaleCheck} whether the VMs are still as they were. Nothing here prints or
 * contacts a target.
 *
 * <p>For {@code uplink} declared with {@code link: down} and {@code old0} with {@code state: absent} on a
 * running libvirt VM, the plan reads:
 * <pre>
 * # lab/web-01 (running, fingerprint 64e23cc79a23)
 *   ~ link old0: up -> down  # carrier down before the unplug, so the guest sees the link go first
 *   - unplug old0 (bridge br-old, virtio, mac 52:54:00:00:00:03, link down)  # state: absent
 *   ~ unpersist old0  # state: absent
 *   ~ link uplink: up -> down  # desired link: down
 *   ~ persist uplink (bridge br-prod, virtio, mac 52:54:00:00:00:02, link down)  # persistent definition differs: link up -> down
 *
 * Plan: 0 to add, 1 to unplug, 4 to change, 0 need restart.
 * </pre>
 *
 * <p>Rules, each decided here once:
 * <ul>
 *   <li><b>Only what the target can do.</b> A NIC whose desired configuration the target cannot hold at all,
 *       live or after a restart ({@link io.nicsync.spi.Capabilities#unsupported}, such as a link state on a
 *       KubeVirt release without one), gets no step; a warning gives the target's reason, release included.
 *   <li><b>Order</b> lives in {@code StepOrder} alone: per VM, unplug (live, then persistent), repoint, add,
 *       migrate, link changes, persist, restart; a dependency pass puts a NIC's carrier-down before its
 *       unplug, staged entries before their migration, and a NIC's live steps before its persistent ones (but a
 *       new entry before its add where the one definition keeps unplugged NICs).
 *   <li><b>Capacity.</b> Adds take {@code capacity().freeSlots()} plus the slots this plan's unplugs free
 *       (unplugs run first), and only where {@code canHotplug} says yes. The rest are written to the
 *       persistent definition and named by one {@link io.nicsync.spi.RestartRequired} step.
 *   <li><b>Restart required</b> is always in the plan when a running VM needs one (a full slot budget, a
 *       model, MAC or binding change of a plugged NIC, a link or network change the platform cannot make
 *       live, a NIC it cannot unplug). Whether it is executed is {@code allowRestart}'s business, the
 *       applier's. A {@code persist: false} NIC never waits for a restart that would lose it: a warning says
 *       it cannot be done. Stopped VMs get persistent steps only and no restart: they pick the persistent
 *       definition up at their next start, and a note says so.
 *   <li><b>Repoint</b> is a {@link io.nicsync.spi.RepointNic} where {@code canRepointLive}; otherwise, on an
 *       in-place platform that can unplug and hotplug the NIC, an unplug and an add of the same NIC (same
 *       MAC) with a note, since the guest sees the NIC go; otherwise a restart.
 *   <li><b>Replug.</b> A MAC, model or binding change of a plugged NIC waits for a restart, unless the target
 *       allows the NIC to be unplugged and plugged back with it ({@code canReplug}, oVirt's {@code replug: allow}):
 *       then an unplug and an add, with a note that the guest sees the NIC go and come back.
 *   <li><b>No staging.</b> Where the target keeps no pending change ({@code stagesForRestart() == false}, oVirt),
 *       what waits for a restart gets no persist step: the restart step carries it and makes it while the VM is
 *       down.
 *   <li><b>Migration hotplug</b> ({@code hotplugMode() == MIGRATION}): each add is staged as a
 *       {@link io.nicsync.spi.PersistNic} and one {@link io.nicsync.spi.Migrate} carries all of the VM's adds.
 *   <li><b>One definition</b> ({@code separatePersistentDefinition() == false}, KubeVirt's template): a live
 *       step also writes the persistent definition, so no persist step is planned for what a live step
 *       already carries (an add, a link change, a repoint), nor an unpersist after an unplug;
 *       {@link io.nicsync.spi.SetLink#persistent()} is then true. A {@code persist: false} NIC cannot be
 *       honoured there (nor under migration hotplug), and a warning says so. Where that definition keeps
 *       unplugged NICs ({@code keepsUnpluggedNics()}, oVirt), an unplug leaves the entry: a NIC that leaves is
 *       unplugged, then unpersisted; a new NIC is persisted, then plugged; a replug unplugs and plugs the same
 *       defined NIC. Each step's undo then puts the definition back as it was.
 *   <li><b>MAC of new NICs.</b> A {@link io.nicsync.spi.PersistNic} without MAC that follows an add asks the
 *       plugin to keep the MAC the plugged NIC got, so both definitions agree.
 *   <li>The summary counts NICs: a migration's carried NICs count as added; reasons and notes are for
 *       display only.
 * </ul>
 */
package io.nicsync.plan;
