package io.nicsync.reconcile;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ReportDocument;
import io.nicsync.apply.VmResult;
import io.nicsync.guard.Redaction;
import io.nicsync.notify.Outbox;
import io.nicsync.plan.StepText;
import io.nicsync.spi.Action;
import io.nicsync.spi.Announcement;
import io.nicsync.spi.Announcement.Type;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tells each VM's platform what an apply did to it ({@link Target#announce}: Kubernetes Events on KubeVirt VMs):
 * a NIC hotplugged or unplugged, a change rolled back or left failed, a restart the policy did not allow. Queued on
 * an {@link Outbox}, so that the applier never waits for the platform to take them.
 *
 * <pre>{@code
 * Normal   NicHotplugged        add red on multus prod/red (commit 3f2a9c1b7d4e)
 * Normal   NicUnplugged         unplug old0 (commit 3f2a9c1b7d4e)
 * Warning  NicChangeRolledBack  FAILED at add red on multus prod/red: ...; rolled back (1 step(s) undone) (commit ...)
 * Warning  NicChangeFailed      FAILED at ...; left changed (2 step(s) in effect) (commit ...)
 * Warning  RestartRequired      restart required (1 NIC change(s) wait for it): allowRestart is false (commit ...)
 * }</pre>
 */
final class TargetAnnouncements implements ApplyListener {
    private final Function<String, Target> targets;
    private final String commit;
    private final Outbox outbox;
    private final Consumer<String> warn;

    /** @param commit the commit being applied, named in each announcement */
    TargetAnnouncements(Function<String, Target> targets, String commit, Outbox outbox, Consumer<String> warn) {
        this.targets = targets;
        this.commit = commit.length() > 12 ? commit.substring(0, 12) : commit;
        this.outbox = outbox;
        this.warn = warn;
    }

    @Override
    public void stepDone(VmRef vm, int index, Step step) {
        if (step.action() == Action.ADD) {
            announce(vm, Type.NORMAL, "NicHotplugged", StepText.brief(step));
        } else if (step.action() == Action.UNPLUG) {
            announce(vm, Type.NORMAL, "NicUnplugged", StepText.brief(step));
        }
    }

    @Override
    public void stepSkipped(VmRef vm, int index, Step step, String why) {
        announce(vm, Type.WARNING, "RestartRequired", StepText.brief(step) + ": " + why);
    }

    @Override
    public void vmFinished(VmResult result) {
        switch (result) {
            case VmResult.RolledBack r -> announce(r.vm(), Type.WARNING, "NicChangeRolledBack",
                    ReportDocument.outcome(r));
            case VmResult.FailedLeft f -> announce(f.vm(), Type.WARNING, "NicChangeFailed", ReportDocument.outcome(f));
            default -> { }
        }
    }

    private void announce(VmRef vm, Type type, String reason, String what) {
        Target target = targets.apply(vm.target());
        if (target == null) {
            return;
        }
        Announcement announcement = new Announcement(type, reason, Redaction.text(what) + " (commit " + commit + ")");
        boolean queued = outbox.offer(() -> {
            try {
                target.announce(vm, announcement);
            } catch (TargetException | RuntimeException e) {
                warn.accept("cannot record the event " + reason + " on " + vm + ": " + e.getMessage());
            }
        });
        if (!queued) {
            warn.accept("event " + reason + " on " + vm + " dropped: too many events waiting");
        }
    }
}
