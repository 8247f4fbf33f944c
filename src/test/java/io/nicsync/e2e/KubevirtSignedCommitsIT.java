package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * With --allowed-signers, only a commit signed by an allowed SSH key reaches the cluster: an unsigned head, or a
 * saved plan whose commit the operator no longer trusts, is refused before anything is observed or changed.
 */
class KubevirtSignedCommitsIT extends KubevirtScenarioIT {
    private static final String RED = DesiredState.bridgeNic("red", "red");

    private Path key(String name) throws Exception {
        Path key = dir.resolve(name);
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f",
                key.toString()).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        assertThat(keygen.waitFor()).as(output).isZero();
        return key;
    }

    private Path allowedSigners(String name, Path key) throws Exception {
        String[] publicKey = Files.readString(Path.of(key + ".pub")).trim().split("\\s+");
        return Files.writeString(dir.resolve(name), "ada@example.org " + publicKey[0] + " " + publicKey[1] + "\n");
    }

    /** {@link #push} with the commit signed. */
    private String pushSigned(Path key) {
        git = git == null ? GitRepos.create(dir) : git;
        git.write("nicsync.yaml", DesiredState.config(kubevirt.kubeconfig()));
        git.write("prod/web-01.yaml", DesiredState.web01(RED));
        return git.signedCommitAndPush("web-01: NICs", key);
    }

    @Test
    void anUnsignedHeadChangesNothingAndASignedOneIsApplied() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        Path allowed = allowedSigners("allowed_signers", key("ada"));
        push(RED);
        String unsigned = GitRepos.git(git.work, "rev-parse", "HEAD").strip();

        Cli refused = apply("--yes", "--allowed-signers", allowed.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("nicsync: error: commit " + unsigned.substring(0, 12)
                + " is not signed; a signature by a key in " + allowed + " (SSH) is required");
        assertThat(kubevirt.cluster().writes().all()).as("nothing written to the cluster").isEmpty();
        Cli plan = Cli.run("plan", "--repo", git.url(), "--allowed-signers", allowed.toString(),
                "--allow-file", allowedFiles());
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
        assertThat(plan.out()).doesNotContain("add red");

        git.write("prod/README", "signed from here on\n");
        pushSigned(dir.resolve("ada"));
        Cli applied = apply("--yes", "--allowed-signers", allowed.toString());

        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(kubevirt.attached("red")).isTrue();
    }

    @Test
    void aReconcileOfASignedHeadNamesWhoSignedIt() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        Path ada = key("ada");
        Path allowed = allowedSigners("allowed_signers", ada);
        String commit = pushSigned(ada);

        Cli reconciled = Cli.run("reconcile", "--once", "--repo", git.url(), "--allowed-signers", allowed.toString(),
                "--allow-file", allowedFiles(), "--state-dir", dir.resolve("state").toString(), "--no-git-notes",
                "-o", "json");

        assertThat(reconciled.exitCode()).as(reconciled.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(reconciled.out());
        assertThat(report.path("commit").asText()).isEqualTo(commit);
        assertThat(report.path("signedBy").asText()).matches("ada@example\\.org \\(SSH key SHA256:[A-Za-z0-9+/]+\\)");
    }

    @Test
    void aSavedPlanIsCheckedAgainAtItsOwnCommit() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        Path ada = key("ada");
        Path allowed = allowedSigners("allowed_signers", ada);
        String commit = pushSigned(ada);
        Path planFile = dir.resolve("plan.json");
        Cli plan = Cli.run("plan", "--repo", git.url(), "--allowed-signers", allowed.toString(),
                "--allow-file", allowedFiles(), "--out", planFile.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        Path onlyBob = allowedSigners("bob_only", key("bob"));

        Cli refused = Cli.run("apply", planFile.toString(), "--yes", "--allow-file", allowedFiles(),
                "--allowed-signers", onlyBob.toString(), "--state-dir", dir.resolve("state").toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("nicsync: error: commit " + commit.substring(0, 12) + " is signed by SSH key "
                + "SHA256:").contains(", which is not in " + onlyBob);
        assertThat(kubevirt.cluster().writes().all()).isEmpty();
    }
}
