package io.nicsync.cli;

/**
 * Whether standard output is a terminal that takes colour. The JVM cannot tell a terminal from a pipe for
 * standard output alone, so {@code bin/nicsync} tells it ({@code -Dnicsync.terminal=true} when {@code [ -t 1 ]}).
 * {@code NO_COLOR} (any value but empty, as no-color.org defines it) and {@code TERM=dumb} turn colour off.
 */
final class Terminal {
    private Terminal() {
    }

    static boolean colour() {
        String noColour = System.getenv("NO_COLOR");
        return Boolean.getBoolean("nicsync.terminal") && (noColour == null || noColour.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
    }
}
