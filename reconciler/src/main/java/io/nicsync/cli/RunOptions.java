package io.nicsync.cli;

import io.nicsync.apply.FailurePolicy;
import io.nicsync.apply.LockHolder;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.CommitTrust;
import io.nicsync.platforms.Plugins;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.reconcile.RunRecorder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** How an apply runs, for {@code apply}, {@code reconcile} and {@code serve}: where its state is, and the policy it may override. */
final class RunOptions {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Locks, journals and the last run's report (default: $NICSYNC_STATE_DIR, "
                    + "else ~/.local/state/nicsync).")
    Path stateDir;

    @Option(names = "--lock-timeout", paramLabel = "D", converter = DurationConverter.class, defaultValue = "0s",
            description = "How long to wait for another apply on the same target (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Option(names = "--parallelism", paramLabel = "N", description = "VMs changed at once (default: policy.parallelism).")
    Integer parallelism;

    @Option(names = "--on-failure", paramLabel = "POLICY",
            description = "rollback, stop or continue (default: policy.onFailure).")
    FailurePolicy onFailure;

    @Option(names = "--step-timeout", paramLabel = "D", converter = DurationConverter.class,
            description = "How long one step may take, verification included (default: policy.stepTimeout).")
    Duration stepTimeout;

    @Option(names = "--no-git-notes",
            description = "Do not record the outcome as a note on the applied commit (refs/notes/nicsync).")
    boolean noGitNotes;

    Path stateRoot() {
        return StateDirs.resolve(stateDir).root();
    }

    ApplyOverrides overrides() {
        return new ApplyOverrides(parallelism, onFailure, stepTimeout);
    }

    /**
     * A reconciler for the command {@code command}, its lines going to {@code lines}: each new head checked against
     * the signatures the operator requires, and each cycle that ran a plan noted on its commit unless
     * {@code --no-git-notes}.
     */
    static Reconciler reconciler(SourceOptions source, TargetOptions targets, RunOptions options,
            SignatureOptions signatures, String command, CycleLines lines) throws UserError {
        Reconciler.Settings settings = new Reconciler.Settings(source.spec(), targets.selection(), targets.overrides(),
                options.stateRoot(), options.lockTimeout, options.overrides(), command);
        Reconciler reconciler = new Reconciler(settings, Plugins.installed(), Clock.systemUTC(), Sleeper.REAL)
                .listener(lines).trust(CommitTrust.signedBy(signatures.policy()));
        if (!options.noGitNotes) {
            reconciler.recorder(RunRecorder.statusNotes(LockHolder.current(Instant.now(), "").host()));
        }
        return reconciler;
    }
}
