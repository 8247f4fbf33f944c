package io.nicsync.validate;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** A 1-based line and column in a file. */
record Location(int line, int column) {
    static final Location START = new Location(1, 1);

    /** snakeyaml-engine counts from 0. */
    static Location of(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    static Location of(Optional<Mark> mark) {
        return mark.map(Location::of).orElse(START);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
