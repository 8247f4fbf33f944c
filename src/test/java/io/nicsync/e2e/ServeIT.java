package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.loop.CommitTrust;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.reconcile.RunRecorder;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.SignaturePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} against the simulated KubeVirt cluster: a real {@code git push} to a bare repository and the push's
 * webhook, live drift put back, an untrusted head refused, each cycle's result in {@code /status} and
 * {@code /metrics}. The interval is an hour: every cycle after the first is one a webhook or the test asked for.
 */
class ServeIT extends KubevirtScenarioIT {
    private static final String BLUE = DesiredState.bridgeNic("blue", "blue");
    private static final String RED = DesiredState.bridgeNic("red", "red");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aGitPushAndItsWebhookAreAppliedWithinSeconds() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE);
        List<RunReport> recorded = new CopyOnWriteArrayList<>();
        RunRecorder notes = RunRecorder.statusNotes("serve-it");
        try (Served served = Served.start(git.url(), dir, HOUR, r -> r.recorder((source, report) -> {
            recorded.add(report);
            return notes.record(source, report);
        }))) {
            Served.await(30, "the first cycle", () -> served.status() != null);
            assertThat(served.status().path("outcome").asText()).isEqualTo("no-changes");

            String commit = push(BLUE + RED);
            var accepted = served.push("refs/heads/main", Served.SECRET);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            Served.await(10, "red plugged into web-01", () -> kubevirt.attached("red"));
            Served.await(10, "the run's report", () -> commit.equals(served.status().path("lastAppliedCommit").asText()));
            JsonNode status = served.status();
            assertThat(status.path("outcome").asText()).isEqualTo("applied");
            assertThat(status.path("commit").asText()).isEqualTo(commit);
            assertThat(status.at("/apply/vms/0/outcome").asText()).isEqualTo("applied");
            assertThat(recorded).extracting(r -> r.outcome().label()).containsExactly("no-changes", "applied");
            // Only the cycle that ran a plan leaves a note, pushed to the repository the push went to.
            assertThat(GitRepos.git(git.bare, "notes", "--ref=nicsync", "list")).hasLineCount(1).contains(commit);
            assertThat(GitRepos.git(git.bare, "notes", "--ref=nicsync", "show", commit))
                    .startsWith("nicsync reconcile: applied, ").contains(" on serve-it, run ")
                    .contains("/web-01: applied (1 step(s))");

            Map<String, Double> metrics = served.metrics();
            assertThat(metrics)
                    .containsEntry("nicsync_runs_total{outcome=\"no-changes\"}", 1.0)
                    .containsEntry("nicsync_runs_total{outcome=\"applied\"}", 1.0)
                    .containsEntry("nicsync_run_duration_seconds_count", 2.0)
                    .containsEntry("nicsync_last_applied_commit_info{commit=\"" + commit + "\"}", 1.0)
                    .containsEntry("nicsync_drifted_vms", 0.0)
                    .containsEntry("nicsync_rollbacks_total", 0.0)
                    .containsEntry("nicsync_untrusted_commits_total", 0.0)
                    .containsEntry("nicsync_webhooks_total{provider=\"github\",result=\"run\"}", 1.0);
            assertThat(metrics.get("nicsync_steps_total{action=\"add\",outcome=\"done\"}")).isEqualTo(1.0);
            assertThat(metrics).doesNotContainKey("nicsync_steps_total{action=\"add\",outcome=\"failed\"}");
            assertThat(served.get("/healthz").statusCode()).isEqualTo(200);
        }
        assertConverged();
    }

    @Test
    void aPushWithABadSignatureIsRefusedAndStartsNoRun() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE);
        try (Served served = Served.start(git.url(), dir, HOUR, r -> r)) {
            Served.await(30, "the first cycle", () -> served.status() != null);
            push(BLUE + RED);

            var refused = served.push("refs/heads/main", "not-the-secret");

            assertThat(refused.statusCode()).isEqualTo(401);
            Thread.sleep(1500); // time enough for a run to plug red, had one started
            assertThat(served.runs()).isEqualTo(1.0);
            assertThat(kubevirt.templateInterface("red").isMissingNode()).isTrue();
            assertThat(served.metrics()).containsEntry("nicsync_webhooks_total{provider=\"github\",result=\"bad-signature\"}", 1.0);
        }
    }

    @Test
    void liveDriftIsPutBackAndCountedAsDrift() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        String commit = push(BLUE);
        try (Served served = Served.start(git.url(), dir, HOUR, r -> r)) {
            Served.await(30, "the first cycle", () -> served.status() != null);
            kubevirt.editLink("blue", "down");
            kubevirt.await("take blue's link down", () -> kubevirt.liveLink("blue").equals("down"));

            // serve reads the VMs through its watches, which lag the API server by their delay: a run that starts
            // before the watch delivers the edit finds nothing to do, and the next one finds the drift
            double[] awaited = {served.runs() + 1};
            served.server.requestRun();
            Served.await(10, "a run that found the drift", () -> {
                if (served.runs() < awaited[0]) {
                    return false;
                }
                JsonNode last = served.status();
                if (last.path("outcome").asText().equals("applied") && last.path("drift").asBoolean()) {
                    return true;
                }
                awaited[0]++;
                served.server.requestRun();
                return false;
            }, () -> String.valueOf(served.status()));
            JsonNode status = served.status();
            assertThat(status.path("outcome").asText()).isEqualTo("applied");
            assertThat(status.path("drift").asBoolean()).isTrue();
            assertThat(status.path("commit").asText()).isEqualTo(commit);
            assertThat(kubevirt.liveLink("blue")).isEqualTo("up");
            Map<String, Double> metrics = served.metrics();
            assertThat(metrics).containsEntry("nicsync_drifted_vms", 1.0);
            assertThat(metrics.get("nicsync_steps_total{action=\"set-link\",outcome=\"done\"}")).isEqualTo(1.0);
        }
    }

    @Test
    void anUntrustedHeadIsNeverAppliedAndIsCounted() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE + RED);
        Path allowedSigners = Files.writeString(dir.resolve("allowed_signers"), "# nobody yet\n");
        SignaturePolicy policy = new SignaturePolicy(allowedSigners, null);
        try (Served served = Served.start(git.url(), dir, HOUR, r -> r.trust(CommitTrust.signedBy(policy)))) {
            Served.await(30, "the first cycle", () -> served.status() != null);

            JsonNode status = served.status();
            assertThat(status.path("outcome").asText()).isEqualTo("untrusted");
            assertThat(status.path("exitCode").asInt()).isEqualTo(1);
            assertThat(status.path("error").asText()).contains("is not signed; a signature by a key in "
                    + allowedSigners + " (SSH) is required");
            assertThat(served.metrics()).containsEntry("nicsync_untrusted_commits_total", 1.0)
                    .containsEntry("nicsync_runs_total{outcome=\"untrusted\"}", 1.0);
            assertThat(kubevirt.templateInterface("red").isMissingNode()).isTrue();
        }
    }

    @Test
    void aReplicaThatOwnsNoTargetPlansNothingAndChangesNothing() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE + RED);
        try (Served served = Served.start(git.url(), dir, HOUR, r -> r.ownership(target -> !target.equals("sim")))) {
            Served.await(30, "the first cycle", () -> served.status() != null);

            assertThat(served.status().path("outcome").asText()).isEqualTo("no-changes");
            assertThat(kubevirt.templateInterface("red").isMissingNode()).isTrue();
        }
    }
}
