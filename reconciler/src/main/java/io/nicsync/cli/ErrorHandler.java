package io.nicsync.cli;

import io.nicsync.source.SourceException;
import io.nicsync.spi.TargetException;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into one line on standard error and exit code 1. Expected
 * failures (a missing ref, an unreachable target) carry messages written for users; anything else is a
 * bug, and its class name helps the report.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        boolean expected = e instanceof TargetException || e instanceof SourceException;
        cli.getErr().println("nicsync: error: " + (expected ? message : e.getClass().getSimpleName() + ": " + message));
        cli.getErr().flush();
        return ExitCodes.ERROR;
    }
}
