/**
 * Carrying out a plan: the only code that calls {@link io.nicsync.spi.Target#execute}.
 *
 * <p>The {@link io.nicsync.apply.Applier} runs the steps of one VM in order and different VMs in parallel. After
 * each step it observes the VM again until {@link io.nicsync.spi.Step#verifiedBy} holds or the step timeout
 * passes: libvirt reports an unplug as done after five seconds while the NIC stays, so the platform's word is not
 * enough. A failed step ends its VM in one of the closed {@link io.nicsync.apply.VmResult}s:
 * <ul>
 *   <li>{@code RolledBack}: the failed step and the completed ones were undone, newest first, through the
 *       inverses recorded in the plan; an inverse whose effect already shows is skipped, which makes rollback
 *       safe to repeat;</li>
 *   <li>{@code FailedLeft}: no rollback was asked for, or an undo failed; the result lists the steps still in
 *       effect and the VM as observed at the end.</li>
 * </ul>
 *
 * <p>A run leaves two kinds of files in the state directory:
 * <pre>{@code
 * locks/lab.lock                        OS file lock on target "lab"; its content names the holder
 * journal/2026-11-22T10-00-00Z-1a2b.jsonl   {"at":"...","event":"step-started","vm":"lab/web-01","step":0}
 *                                           {"at":"...","event":"step-done","vm":"lab/web-01","step":0} ...
 * journal/2026-11-22T10-00-00Z-1a2b.plan.json   the plan being applied
 * }</pre>
 * A journal without {@code run-finished} belongs to a run that was killed; {@link io.nicsync.apply.Recovery} rolls
 * back (or completes) what it may have done, from the plan whose SHA-256 the journal's first line recorded. A torn
 * last line is cut before the recovery's own end line is appended; a line that cannot be read is skipped. The lock is
 * dropped by the kernel when its process dies, so a crash never leaves a target locked; within one process a
 * registry keeps a second apply from opening (and by closing, releasing) a lock file another holds. Every file
 * here is its owner's alone (0600), and a target's name becomes a file name only through
 * {@link io.nicsync.guard.FileNames}.
 *
 * <p>Time and waiting are injected ({@link java.time.Clock}, {@link io.nicsync.apply.Sleeper}); progress goes out
 * through {@link io.nicsync.apply.ApplyListener}s, so nothing here prints.
 */
package io.nicsync.apply;
