/**
 * Continuous reconciliation: {@link io.nicsync.reconcile.Reconciler} runs the cycle {@code reconcile --once} and
 * {@code serve} share, and {@link io.nicsync.reconcile.RunReport} is its result.
 *
 * <p>A cycle applies a plan or only reports it, as the repository's policy says:
 *
 * <pre>{@code
 * policy:
 *   autoApply: true   # false: changes are planned and reported, never applied
 *   drift: report     # apply (default) | report: VMs that changed although the commit did not are reported only
 * }</pre>
 *
 * <p>Changes are drift when the head commit is the one last applied (kept in
 * {@code <state-dir>/reconcile/last-run.json}): the desired state did not move, so the live VMs did. A commit
 * counts as applied once a cycle applied all of it or found nothing to do.
 */
package io.nicsync.reconcile;
