package io.nicsync.cli;

import java.io.PrintWriter;
import java.io.Writer;

/** Where lines go that the chosen output does not show. */
final class Silent {
    static final PrintWriter WRITER = new PrintWriter(Writer.nullWriter());

    private Silent() {
    }
}
