package io.nicsync.cli;

import io.nicsync.apply.ExitCode;
import io.nicsync.apply.LockTimeoutException;
import io.nicsync.loop.InvalidDesiredStateException;
import io.nicsync.loop.RunFailure;
import io.nicsync.plan.StalePlanException;
import io.nicsync.platforms.UnknownKindException;
import io.nicsync.source.SourceException;
import io.nicsync.spi.TargetException;
import io.nicsync.validate.Diagnostic;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into lines on standard error and exit code 1. Expected
 * failures (a missing ref, an unreachable target, invalid input) carry messages written for users;
 * anything else is a bug, and its class name helps the report.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Set<Class<? extends Exception>> EXPECTED = Set.of(RunFailure.class, SourceException.class,
            TargetException.class, StalePlanException.class, LockTimeoutException.class, UserError.class,
            UnknownKindException.class, io.nicsync.importer.ImportException.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        boolean expected = EXPECTED.stream().anyMatch(c -> c.isInstance(e));
        String shown = expected ? message : e.getClass().getSimpleName() + ": " + message;
        List<Diagnostic> diagnostics = e instanceof InvalidDesiredStateException invalid ? invalid.diagnostics()
                : List.of();
        if (jsonOutput(parsed)) {
            JsonError.print(cli.getOut(), shown, diagnostics);
            return ExitCode.ERROR.code();
        }
        PrintWriter err = cli.getErr();
        diagnostics.forEach(d -> err.println(d.format()));
        err.println("nicsync: error: " + shown);
        err.flush();
        return ExitCode.ERROR.code();
    }

    /** Whether the command that failed was asked for {@code -o json}. */
    private static boolean jsonOutput(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult command = parsed;
        while (command.subcommand() != null) {
            command = command.subcommand();
        }
        return command.hasMatchedOption("--output")
                && command.matchedOptionValue("--output", OutputFormat.TEXT) == OutputFormat.JSON;
    }
}
