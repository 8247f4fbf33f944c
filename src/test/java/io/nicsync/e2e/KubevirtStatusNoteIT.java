package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** An apply leaves its outcome as a note on the applied commit, pushed to the repository it read. */
class KubevirtStatusNoteIT extends KubevirtScenarioIT {
    private static final String RED = DesiredState.bridgeNic("red", "red");

    @Test
    void theAppliedCommitCarriesANoteWithEachVmsOutcome() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(RED);
        String commit = GitRepos.git(git.work, "rev-parse", "HEAD").strip();

        Cli apply = planAndApply();

        assertThat(apply.out()).contains("Status note: refs/notes/nicsync, pushed to " + git.url());
        String note = GitRepos.git(git.bare, "notes", "--ref=nicsync", "show", commit);
        assertThat(note).startsWith("nicsync apply: applied, ").contains(", run ")
                .contains("\n  sim/prod/web-01: applied (")
                .contains("\n  Apply: 1 applied, 0 rolled back, 0 failed and left changed, 0 not started.");
    }

    @Test
    void aNoteTheRepositoryDoesNotTakeIsAWarningAndTheApplyStillSucceeds() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(RED);
        Files.createDirectories(git.bare.resolve("refs/notes"));
        Files.writeString(git.bare.resolve("refs/notes/nicsync.lock"), "");

        Cli apply = apply("--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Warning: status note: the remote " + git.url()
                + " did not take the status note");
        assertThat(kubevirt.attached("red")).isTrue();
    }

    @Test
    void theJsonReportSaysWhereTheNoteWent() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(RED);

        Cli apply = apply("--yes", "-o", "json");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        JsonNode note = new ObjectMapper().readTree(apply.out()).path("gitNote");
        assertThat(note.path("ref").asText()).isEqualTo("refs/notes/nicsync");
        assertThat(note.path("where").asText()).isEqualTo("refs/notes/nicsync, pushed to " + git.url());
        assertThat(note.path("warning").isNull()).isTrue();
    }

    @Test
    void noGitNotesLeavesTheRepositoryAlone() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(RED);

        Cli apply = apply("--yes", "--no-git-notes");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).doesNotContain("Status note");
        assertThat(GitRepos.git(git.bare, "for-each-ref", "refs/notes")).isEmpty();
    }
}
