package io.nicsync.loop;

import io.nicsync.plan.Plan;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Asks every target what would make its steps fail, changing nothing; collects every problem. */
public final class Preflight {
    private Preflight() {
    }

    /** Every problem once, in plan order: several steps of one NIC often share one (a missing bridge). */
    public static List<String> problems(Plan plan, OpenTargets targets) {
        Map<String, List<Step>> byTarget = new LinkedHashMap<>();
        plan.steps().forEach(s -> byTarget.computeIfAbsent(s.vm().target(), t -> new ArrayList<>()).add(s));
        Set<String> problems = new LinkedHashSet<>();
        byTarget.forEach((name, steps) -> {
            Target target = targets.get(name);
            if (target == null) {
                problems.add("target " + name + ": not open");
                return;
            }
            try {
                problems.addAll(target.preflight(steps));
            } catch (TargetException e) {
                problems.add("target " + name + ": preflight could not run: " + e.getMessage());
            }
        });
        return List.copyOf(problems);
    }

    public static void require(Plan plan, OpenTargets targets) throws PreflightFailedException {
        List<String> problems = problems(plan, targets);
        if (!problems.isEmpty()) {
            throw new PreflightFailedException(problems);
        }
    }
}
