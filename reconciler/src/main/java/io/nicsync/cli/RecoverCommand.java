package io.nicsync.cli;

import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ExitCode;
import io.nicsync.apply.FailurePolicy;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyRun;
import io.nicsync.loop.InterruptedRuns;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicsync recover}: finish applies that were interrupted (killed, crashed, power lost). */
@Command(name = "recover", mixinStandardHelpOptions = true,
        header = "Roll back or complete applies that were interrupted.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync recover",
                "  nicsync recover --complete --state-dir /var/lib/nicsync"},
        description = "Finds applies whose journal has no end (the process was killed or the machine went down) and "
                + "rolls back every step they may have made, newest first (or, with --complete, carries out the rest "
                + "of their plan). The next apply does the same by itself. Exit codes as apply.")
final class RecoverCommand implements Callable<Integer> {

    @Option(names = "--complete", description = "Complete the interrupted plans instead of rolling them back.")
    boolean complete;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Locks and journals (default: $NICSYNC_STATE_DIR, else ~/.local/state/nicsync).")
    Path stateDir;

    @Option(names = "--step-timeout", paramLabel = "D", converter = DurationConverter.class, defaultValue = "60s",
            description = "How long one step may take (default: ${DEFAULT-VALUE}).")
    Duration stepTimeout;

    @Option(names = "--lock-timeout", paramLabel = "D", converter = DurationConverter.class, defaultValue = "0s",
            description = "How long to wait for an apply that holds a target (default: ${DEFAULT-VALUE}).")
    Duration lockTimeout;

    @Mixin
    TargetOptions targets;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = StateDirs.resolve(stateDir).root();
        List<Plan> plans = ApplyRun.interruptedPlans(root);
        if (plans.isEmpty()) {
            out.println("No interrupted apply to recover.");
            return ExitCode.OK.code();
        }
        Plugins plugins = Plugins.installed();
        ApplyOptions options = new ApplyOptions(1, 1, FailurePolicy.ROLLBACK, stepTimeout, false);
        ApplyRun run = new ApplyRun(new ApplyRun.Settings(root, lockTimeout, options, "nicsync recover", complete),
                Clock.systemUTC(), Sleeper.REAL);
        ExitCode exit = ExitCode.OK;
        for (ApplyReport report : InterruptedRuns.recover(run, root, plan -> null, plugins, targets.overrides(),
                target -> true, new LineProgress(out))) {
            ReportView.text(report, out);
            exit = exit.worse(report.exit());
        }
        return exit.code();
    }
}
