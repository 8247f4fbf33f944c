package io.nicsync.cli;

import io.nicsync.apply.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * A usage error (an unknown option, a missing value): what was wrong and where help is, as git and kubectl say it,
 * instead of the whole usage text; a JSON document on standard output when the command was asked for {@code -o json}.
 * Exit 1 like any other error: 2 means "changes" ({@code plan --detailed-exitcode}).
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        String help = "Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.";
        if (failed.getCommandSpec().findOption("--output") != null && JsonError.requested(args)) {
            JsonError.print(failed.getOut(), e.getMessage() + suggestions(e) + ". " + help, List.of());
            return ExitCode.ERROR.code();
        }
        PrintWriter err = failed.getErr();
        err.println("nicsync: error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println(help);
        err.flush();
        return ExitCode.ERROR.code();
    }

    /** picocli's "Did you mean" for a mistyped option or command, as a clause of the message. */
    private static String suggestions(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        return "";
    }
}
