package io.nicsync.loop;

import java.util.List;

/**
 * A saved plan that is not what nicsync plans: a step for a VM the plan does not cover, a VM or target the plan's
 * commit does not declare, or steps other than those made again from that commit for the VMs as they are. Such a
 * file was edited or corrupted after {@code plan --out} wrote it; nothing of it is applied.
 */
public final class TamperedPlanException extends RunFailure {
    private final List<String> problems;

    TamperedPlanException(List<String> problems) {
        super("the saved plan is refused, nothing was changed: " + String.join("; ", problems)
                + " (make the plan again with nicsync plan --out)", null);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
