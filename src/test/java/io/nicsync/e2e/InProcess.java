package io.nicsync.e2e;

import io.nicsync.loop.Desired;
import io.nicsync.loop.Observation;
import io.nicsync.loop.OpenTargets;
import io.nicsync.loop.Selection;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.SourceSpec;
import java.time.Clock;
import java.util.Set;

/**
 * The application's own parts, driven in this JVM where a test must step in between two steps of an apply:
 * the desired state read from the pushed repository, the real libvirt plugin found through ServiceLoader,
 * the planner.
 */
record InProcess(Desired desired, OpenTargets targets) implements AutoCloseable {

    static InProcess open(DesiredRepo repo) throws Exception {
        Desired desired = Desired.read(SourceSpec.of(repo.git.bare.toString()), Plugins.installed());
        return new InProcess(desired, OpenTargets.open(desired.state().config().targets(), Plugins.installed(),
                TargetOverrides.NONE, Set.of("lab")));
    }

    Plan plan() throws Exception {
        return Observation.observe(desired, Selection.ALL, targets).plan(Clock.systemUTC());
    }

    @Override
    public void close() {
        targets.close();
    }
}
