package io.nicsync.validate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in {@code nicsync.yaml}: {@code 60s}, {@code 2m}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {
    }

    /** Parses the form the schema allows; anything else is an IllegalArgumentException naming the text. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }
}
