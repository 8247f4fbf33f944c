package io.nicsync.cli;

import io.nicsync.validate.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Command-line durations in the same form as nicsync.yaml: 60s, 2m, 1h30m. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 30s, 2m or 1h30m");
        }
    }
}
