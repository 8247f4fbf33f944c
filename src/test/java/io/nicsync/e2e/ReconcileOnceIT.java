package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code nicsync reconcile --once} as a CronJob runs it, against the simulated KubeVirt cluster: the policy decides
 * whether changes and drift are applied or only reported, and each run leaves its report in the state directory.
 */
class ReconcileOnceIT extends KubevirtScenarioIT {
    private static final String BLUE = DesiredState.bridgeNic("blue", "blue");
    private static final String RED = DesiredState.bridgeNic("red", "red");

    private Cli reconcile(String... more) {
        return Cli.run(args(more));
    }

    private String[] args(String... more) {
        String[] args = {"reconcile", "--once", "--repo", git.url(), "--ref", "main",
                "--state-dir", dir.resolve("state").toString(), "--cache-dir", dir.resolve("cache").toString(),
                "--allow-file", allowedFiles()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static JsonNode json(Cli cli) throws Exception {
        return new ObjectMapper().readTree(cli.out());
    }

    @Test
    void aNewCommitIsAppliedAndTheNextRunFindsNothingToDo() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        String commit = push(BLUE + RED);

        Cli first = reconcile();

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("+ add red").contains("Applying.").contains("web-01: step 1")
                .contains("Reconcile: applied at commit " + commit.substring(0, 12) + " (1 VM(s)");
        assertThat(kubevirt.attached("red")).isTrue();
        JsonNode kept = new ObjectMapper().readTree(Files.readString(dir.resolve("state/reconcile/last-run.json")));
        assertThat(kept.path("outcome").asText()).isEqualTo("applied");
        assertThat(kept.path("lastAppliedCommit").asText()).isEqualTo(commit);

        Cli second = reconcile();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        // one event line: its time, its level, what happened
        assertThat(second.out()).hasLineCount(1)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z INFO  Reconcile: no changes at commit " + commit.substring(0, 12)
                        + ".*\n");
        // The run that applied left its note on the commit, pushed to the repository; the one that found nothing
        // to do added none.
        assertThat(GitRepos.git(git.bare, "notes", "--ref=nicsync", "show", commit))
                .startsWith("nicsync reconcile: applied, ").contains("/web-01: applied (1 step(s))")
                .doesNotContain("\n\n");
    }

    /**
     * Through bin/nicsync, as a CronJob runs it: every line is an event with its time and level, and a library's own
     * warning is one of them: jgit's, about a system git configuration it cannot read and goes on without.
     */
    @Test
    void itsLinesAreEventsWithTimeAndLevelAndTheLibrariesWarningsAreAmongThem() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        String commit = push(BLUE + RED);
        java.nio.file.Path broken = Files.writeString(dir.resolve("gitconfig"), "[core\n");

        Cli run = Launcher.run(java.util.Map.of("GIT_CONFIG_SYSTEM", broken.toString()), dir.resolve("reconcile.log"),
                args());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(kubevirt.attached("red")).isTrue();
        assertThat(run.out().lines()).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z (INFO |WARN |ERROR) .+"));
        assertThat(run.out())
                .containsPattern("Z WARN  \\[org\\.eclipse\\.jgit\\.[\\w.]+\\] .*bad config line 1 in file "
                        + java.util.regex.Pattern.quote(broken.toString()))
                .containsPattern("Z INFO  Reconcile: applied at commit " + commit.substring(0, 12));
    }

    @Test
    void anUnsignedHeadIsRefusedWhenSignaturesAreRequired() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        String commit = push(BLUE + RED);
        java.nio.file.Path signers = Files.writeString(dir.resolve("allowed_signers"), "# nobody yet\n");

        Cli run = reconcile("--allowed-signers", signers.toString(), "--no-git-notes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("commit " + commit.substring(0, 12) + " is not signed");
        assertThat(kubevirt.attached("red")).isFalse();
        JsonNode kept = new ObjectMapper().readTree(Files.readString(dir.resolve("state/reconcile/last-run.json")));
        assertThat(kept.path("outcome").asText()).isEqualTo("untrusted");
    }

    @Test
    void withAutoApplyOffChangesAreOnlyReported() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        String commit = push(BLUE + RED, "  autoApply: false\n");

        Cli run = reconcile("-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = json(run);
        assertThat(report.path("outcome").asText()).isEqualTo("planned");
        assertThat(report.path("commit").asText()).isEqualTo(commit);
        assertThat(report.path("changedVms").asInt()).isEqualTo(1);
        assertThat(report.path("drift").asBoolean()).isFalse();
        assertThat(report.has("apply")).isFalse();
        assertThat(kubevirt.templateInterface("red").isMissingNode()).isTrue();
    }

    @Test
    void driftIsReportedWhenThePolicySaysSoAndANewCommitIsStillApplied() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE, "  drift: report\n");
        assertThat(reconcile().exitCode()).isZero();
        kubevirt.editLink("blue", "down");
        kubevirt.await("take blue's link down", () -> kubevirt.liveLink("blue").equals("down"));

        Cli drifted = reconcile("-o", "json");

        assertThat(drifted.exitCode()).as(drifted.toString()).isZero();
        JsonNode report = json(drifted);
        assertThat(report.path("outcome").asText()).isEqualTo("drift-reported");
        assertThat(report.path("drift").asBoolean()).isTrue();
        assertThat(kubevirt.liveLink("blue")).isEqualTo("down");

        push(BLUE + RED, "  drift: report\n");
        Cli next = reconcile();
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("Reconcile: applied");
        assertThat(kubevirt.liveLink("blue")).isEqualTo("up");
        assertThat(kubevirt.attached("red")).isTrue();
    }

    @Test
    void driftIsPutBackByDefault() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE);
        assertThat(reconcile().exitCode()).isZero();
        kubevirt.editLink("blue", "down");
        kubevirt.await("take blue's link down", () -> kubevirt.liveLink("blue").equals("down"));

        Cli run = reconcile("-o", "json");

        JsonNode report = json(run);
        assertThat(report.path("outcome").asText()).as(run.toString()).isEqualTo("applied");
        assertThat(report.path("drift").asBoolean()).isTrue();
        assertThat(report.at("/apply/vms/0/outcome").asText()).isEqualTo("applied");
        assertThat(kubevirt.liveLink("blue")).isEqualTo("up");
    }

    @Test
    void invalidDesiredStateIsAnErrorWithEveryDiagnosticAndChangesNothing() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE + RED + """
                - name: red
                  network: {multus: green}
                  binding: bridge
                """);

        Cli run = reconcile("-o", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = json(run);
        assertThat(report.path("outcome").asText()).isEqualTo("error");
        assertThat(report.path("error").asText()).contains("is not valid");
        assertThat(report.path("diagnostics").toString()).contains("prod/web-01.yaml");
        assertThat(run.err()).contains("prod/web-01.yaml:");
        assertThat(kubevirt.templateInterface("red").isMissingNode()).isTrue();
    }

    @Test
    void withoutOnceTheCommandSaysWhatToUseInstead() {
        Cli run = Cli.run("reconcile", "--repo", "/nowhere");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--once");
    }
}
