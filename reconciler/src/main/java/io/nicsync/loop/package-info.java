/**
 * The steps every command shares, in order: read the desired commit and validate it ({@link io.nicsync.loop.Desired}),
 * open the targets it names ({@link io.nicsync.loop.OpenTargets}, plugins found by {@link io.nicsync.loop.Plugins}),
 * observe the selected VMs ({@link io.nicsync.loop.Observation}), plan, and apply ({@link io.nicsync.loop.ApplyRun}:
 * lock, recover interrupted runs, refuse a stale plan, preflight, journal, apply).
 *
 * <p>Invalid desired state never reaches a target: {@link io.nicsync.loop.Desired#read} throws with every diagnostic
 * before anything is opened. A desired VM its target does not have is an error, not a plan: nicsync changes the NICs
 * of existing VMs and never creates one.
 */
package io.nicsync.loop;
