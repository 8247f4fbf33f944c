package io.nicsync.cli;

import io.nicsync.apply.ExitCode;
import io.nicsync.loop.Desired;
import io.nicsync.loop.Planned;
import io.nicsync.plan.HumanPlanView;
import io.nicsync.plan.JsonPlanView;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.platforms.Plugins;
import io.nicsync.source.SourceSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicsync plan}: what would change, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Show the steps that would bring the VMs to the desired state.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync plan",
                "  nicsync plan --vm web-01 -out=web.plan  # saved for show and apply",
                "  nicsync plan --detailed-exitcode || [ $? -eq 2 ] && echo changes"},
        description = "Reads the desired state, observes the live VMs and shows the ordered steps that would bring "
                + "them there. Changes nothing. Exit 0 (with --detailed-exitcode: 0 no changes, 2 changes), 1 on error.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions targets;

    @Mixin
    SignatureOptions signatures;

    @Option(names = {"--out", "-out"}, paramLabel = "FILE",
            description = "Also save the plan, for nicsync apply FILE (-out=FILE as Terraform spells it works too).")
    Path out;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when the plan has changes.")
    boolean detailedExitCode;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Plugins plugins = Plugins.installed();
        SourceSpec from = source.spec().withSignatures(signatures.policy());
        SourceOptions.UncommittedCheck uncommitted = source.checkUncommitted(from);
        Planned planned;
        try {
            planned = Planned.of(from, plugins, targets.overrides(), targets.selection(), Clock.systemUTC());
        } finally {
            uncommitted.warn(spec.commandLine().getErr());
        }
        Desired desired = planned.desired();
        Plan plan = planned.plan();
        PrintWriter stdout = spec.commandLine().getOut();
        if (out != null) {
            Files.writeString(out, PlanFile.write(plan));
        }
        if (output == OutputFormat.JSON) {
            new JsonPlanView().render(plan, stdout);
        } else {
            stdout.println(SnapshotText.header(desired.snapshot()));
            new HumanPlanView(Terminal.colour()).render(plan, stdout);
            if (out != null) {
                stdout.println("Saved the plan to " + out + ": apply it with nicsync apply " + out);
            }
        }
        return plan.noChanges() || !detailedExitCode ? ExitCode.OK.code() : ExitCode.CHANGES.code();
    }
}
