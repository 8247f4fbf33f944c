package io.nicsync.cli;

import java.io.PrintWriter;
import java.util.List;
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
        description = "Keeps the NICs of running virtual machines in the state declared in Git.")
public final class Main implements Runnable {
    /** The subcommands, in the order the usage help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, PlanCommand.class,
            ShowCommand.class, ApplyCommand.class, RecoverCommand.class, ReconcileCommand.class, ServeCommand.class, ImportCommand.class,
            PluginsCommand.class, SchemaCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's standard streams and returns its exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** Runs the command line with the given writers and returns its exit code; the tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line that runs {@code args}. picocli reflects over every option of a command to build its model,
     * a tenth of a second for all of nicsync's: when the first argument names a command only that one is built,
     * else (help, no command, a mistyped one) all of them.
     */
    public static CommandLine commandLine(String... args) {
        EventLog.quietLibraries(); // until a command that keeps their warnings says otherwise
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> !first.equals("help") && !first.equals("completion")
                        && c.getAnnotation(Command.class).name().equals(first)).toList();
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
            cli.addSubcommand(command);
        }
        GroupedOptions.install(cli);
        TerraformOut.refuseWhereUnknown(cli);
        // after the subcommands: picocli's settings apply to the subcommands a command has when they are made
        cli.setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(new UsageErrors());
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
