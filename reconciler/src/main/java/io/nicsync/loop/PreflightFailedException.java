package io.nicsync.loop;

import java.util.List;

/** Something would make the plan fail (a missing bridge, no capacity, no permission): nothing was changed. */
public final class PreflightFailedException extends RunFailure {
    private final List<String> problems;

    PreflightFailedException(List<String> problems) {
        super("preflight found " + problems.size() + " problem(s); nothing was changed:\n  "
                + String.join("\n  ", problems), null);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
