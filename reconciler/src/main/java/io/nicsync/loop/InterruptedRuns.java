package io.nicsync.loop;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyReport;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.TargetException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finishes the applies a state directory holds unfinished journals of, each against the desired state of its own
 * plan's commit and the targets that plan was made for ({@code nicsync recover}, and the first thing
 * {@code reconcile} and {@code serve} do).
 */
public final class InterruptedRuns {
    private InterruptedRuns() {
    }

    /**
     * @param access how to reach a plan's repository; null for the plan's own with the default cache and
     *     credentials from the environment
     * @param owned which targets this process may touch: a run on any other is left for the process that owns it
     * @return one report per recovered run, oldest first
     */
    public static List<ApplyReport> recover(ApplyRun run, Path stateDir, Function<Plan, SourceSpec> access,
            Plugins plugins, TargetOverrides overrides, Predicate<String> owned,
            ApplyListener progress) throws RunFailure, InterruptedException {
        return RunFailure.during(() -> recoverAll(run, stateDir, access, plugins, overrides, owned, progress));
    }

    private static List<ApplyReport> recoverAll(ApplyRun run, Path stateDir, Function<Plan, SourceSpec> access,
            Plugins plugins, TargetOverrides overrides, Predicate<String> owned, ApplyListener progress)
            throws RunFailure, IOException, InterruptedException, SourceException, TargetException {
        List<ApplyReport> reports = new ArrayList<>();
        for (Plan plan : ApplyRun.interruptedPlans(stateDir)) {
            Set<String> targets = ApplyRun.targetsOf(plan.steps());
            if (!targets.stream().allMatch(owned)) {
                continue;
            }
            Desired desired = Desired.ofPlan(plan, access.apply(plan), plugins);
            try (OpenTargets open = OpenTargets.open(desired.state().config().targets(), plugins, overrides,
                    targets)) {
                reports.addAll(run.recover(open, progress));
            }
        }
        return reports;
    }
}
