package io.nicsync.cli;

import io.nicsync.apply.ExitCode;
import io.nicsync.loop.SavedPlans;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.HumanPlanView;
import io.nicsync.plan.JsonPlanView;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nicsync show PLANFILE}: a saved plan, for review, connecting to nothing. */
@Command(name = "show", mixinStandardHelpOptions = true,
        header = "Show a saved plan without connecting to anything.",
        description = "Shows a plan saved by plan --out, as plan showed it, without reading the repository or "
                + "connecting to any target.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync plan --out web.plan && nicsync show web.plan",
                "  nicsync show -o json web.plan | jq '.steps | length'"})
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLANFILE", description = "A plan saved by nicsync plan --out.")
    Path planFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Plan plan;
        try {
            plan = SavedPlans.read(Files.readString(planFile), Plugins.installed());
        } catch (NoSuchFileException e) {
            throw new UserError(planFile + ": no such plan file");
        } catch (IOException e) {
            throw new UserError(planFile + ": not a plan file: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            new JsonPlanView().render(plan, out);
        } else {
            out.println(header(plan));
            new HumanPlanView(Terminal.colour()).render(plan, out);
        }
        return ExitCode.OK.code();
    }

    /** The saved plan's commit and when it was made, as plan names the commit it reads. */
    private static String header(Plan plan) {
        DesiredSource s = plan.source();
        return "Saved plan of " + plan.plannedAt() + ": commit " + s.commitId().substring(0, Math.min(12,
                s.commitId().length())) + " by " + s.author() + " (ref " + s.ref()
                + (s.path() == null || s.path().isEmpty() ? "" : ", path " + s.path()) + ")";
    }
}
