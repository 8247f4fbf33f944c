package io.nicsync.cli;

import io.nicsync.notify.Notifier;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.reconcile.RunReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicsync reconcile --once}: one cycle, for a CronJob. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        header = "Run one reconcile cycle, as a CronJob does.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync reconcile --once --repo https://git.example.org/nics.git --ref main",
                "  nicsync reconcile --once -o json --log-format json"},
        description = "One reconcile cycle, as a CronJob runs it: finish an interrupted earlier run, fetch, validate, "
                + "plan, apply when there are changes as policy.autoApply and policy.drift say, and keep the result "
                + "in the state directory (reconcile/last-run.json). Output is lines for a log collector. "
                + "Exit codes as apply: 0 fine (also when changes were only reported); 1 error before any change; "
                + "3 some VMs failed and were rolled back; 4 some VMs failed and could not be rolled back.")
final class ReconcileCommand implements Callable<Integer> {
    /** How long the process waits at its end for the cycle's notification (its tries and backoffs) and Events. */
    static final Duration NOTIFY_GRACE = Duration.ofSeconds(60);

    @Option(names = "--once", required = true, description = "Run one cycle and exit (for a loop: nicsync serve).")
    boolean once;

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions targets;

    @Mixin
    RunOptions options;

    @Mixin
    SignatureOptions signatures;

    @Mixin
    NotifyOptions notify;

    @Mixin
    LogOptions logging;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "text (default): lines as the cycle goes; json: only the run's report at the end.")
    OutputFormat output = OutputFormat.TEXT;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EventLog log = logging.open(spec);
        CycleLines lines = new CycleLines(output == OutputFormat.JSON ? Silent.WRITER : log.infoWriter(),
                log.problemWriter());
        Notifier notifier = notify.notifier(line -> lines.warning(line));
        KubernetesEvents events = null;
        try (Reconciler reconciler = RunOptions.reconciler(source, targets, options, signatures,
                "nicsync " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), lines)) {
            if (notifier != null) {
                reconciler.listener(notifier);
            }
            events = KubernetesEvents.of(reconciler, System.getenv(), line -> lines.warning(line));
            RunReport report = reconciler.cycle();
            if (output == OutputFormat.JSON) {
                out.println(report.toJson());
            }
            return report.exitCode();
        } finally {
            if (notifier != null) {
                notifier.close(NOTIFY_GRACE); // the cycle is over: its message may still go out before the exit
            }
            if (events != null) {
                events.close(NOTIFY_GRACE);
            }
        }
    }
}
