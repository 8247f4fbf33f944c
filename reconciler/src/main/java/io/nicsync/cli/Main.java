package io.nicsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nicsync} command. Each subcommand is a class of its own in this package. */
@Command(
        name = "nicsync",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps the NICs of running virtual machines in the state declared in Git.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; the tests call this. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
