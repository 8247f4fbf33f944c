package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.Journal;
import io.nicsync.apply.JournalListener;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.loop.Desired;
import io.nicsync.loop.OpenTargets;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.platforms.OperatorAllows;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code reconcile --once} after an apply that died after its first step: the interrupted run is rolled back
 * first, then the commit is planned again from the VMs as the rollback left them, and applied.
 */
class ReconcileRecoveryIT extends KubevirtScenarioIT {

    @Test
    void anInterruptedRunIsRolledBackBeforeTheCommitIsPlannedAndApplied() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(DesiredState.bridgeNic("blue", "blue") + DesiredState.bridgeNic("red", "red"));
        Path state = dir.resolve("state");
        interruptedAfterTheAdd(state);
        assertThat(kubevirt.attached("red")).isTrue();

        Cli run = Cli.run("reconcile", "--once", "--repo", git.url(), "--ref", "main", "--allow-file", allowedFiles(),
                "--state-dir", state.toString(),
                "--cache-dir", dir.resolve("cache").toString(), "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("recovered")).hasSize(1);
        assertThat(report.at("/recovered/0/vms/0/outcome").asText()).isEqualTo("rolled-back");
        assertThat(report.path("outcome").asText()).isEqualTo("applied");
        assertThat(kubevirt.attached("red")).isTrue();
        assertConverged();
    }

    /** An apply of the pushed plan that plugged red, journaled it done and died before anything else. */
    private void interruptedAfterTheAdd(Path state) throws Exception {
        Plugins plugins = Plugins.installed();
        SourceSpec source = new SourceSpec(git.url(), "main", null, dir.resolve("cache"), null);
        Desired desired = Desired.read(source, plugins);
        try (OpenTargets open = OpenTargets.open(desired.state().config().targets(), plugins,
                TargetOverrides.NONE.allowing(new OperatorAllows(List.of(), List.of(allowedFiles()))), Set.of("sim"))) {
            Plan plan = io.nicsync.loop.Observation.observe(desired, io.nicsync.loop.Selection.ALL, open)
                    .plan(Clock.systemUTC());
            int add = plan.steps().indexOf(plan.steps().stream().filter(s -> s instanceof AddNic).findFirst().orElseThrow());
            Step step = plan.steps().get(add);
            byte[] planFile = PlanFile.write(plan).getBytes(StandardCharsets.UTF_8);
            try (Journal journal = Journal.create(state.resolve("journal"), "died", planFile)) {
                journal.started(Clock.systemUTC().instant());
                JournalListener record = new JournalListener(journal, Clock.systemUTC());
                record.beforeStep(step.vm(), add, step);
                open.get(step.vm().target()).execute(step, Duration.ofSeconds(30));
                kubevirt.await("plug red", () -> kubevirt.attached("red"));
                record.stepDone(step.vm(), add, step);
            }
        }
    }
}
