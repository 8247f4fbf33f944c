package io.nicsync.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nicsync} command. Each subcommand is a class of its own in this package; they print through
 * picocli's writers so that tests capture everything a user would see.
 */
@Command(
        name = "nicsync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps the NICs of running virtual machines in the state declared in Git.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, RecoverCommand.class,
                ReconcileCommand.class, ServeCommand.class,
                ImportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's standard streams and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line with the given writers and returns its exit code; the tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ErrorHandler());
        // Exit 2 means "changes" (plan --detailed-exitcode); a usage error is an error like any other.
        CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> {
            usage.handleParseException(e, args);
            return ExitCodes.ERROR;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
