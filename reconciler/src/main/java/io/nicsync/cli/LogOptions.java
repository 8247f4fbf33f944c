package io.nicsync.cli;

import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How a long-running command logs: the option {@code serve} and {@code reconcile} share. */
final class LogOptions {

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "text (default): a line per event with its time and level; json: a JSON object per line "
                    + "(time, level, msg), for a cluster's log collector.")
    EventLog.Format format = EventLog.Format.TEXT;

    /** The command's log on its standard output and error, keeping the libraries' warnings. */
    EventLog open(CommandSpec spec) {
        EventLog log = new EventLog(format, Clock.systemUTC(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
        log.keepLibraryWarnings();
        return log;
    }
}
