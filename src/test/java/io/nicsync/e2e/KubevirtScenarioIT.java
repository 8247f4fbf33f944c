package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.e2e.kubevirt.SimulatedKubevirt;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow every KubeVirt end-to-end scenario shares (abstract: failsafe runs only its subclasses): a
 * simulated cluster, a desired-state repository pushed with the real git client, and the nicsync command
 * line run in this JVM against both, with a private state directory.
 */
abstract class KubevirtScenarioIT {
    @TempDir
    Path dir;

    GitRepos git;
    SimulatedKubevirt kubevirt;
    /** What the next {@link #push} says of restarts ({@code policy.allowRestart}). */
    boolean allowRestart;

    /** Starts the cluster; the scenario seeds it, then calls {@link SimulatedKubevirt#connect}. */
    SimulatedKubevirt cluster(SimConfig config) {
        return cluster(config, Fixtures.web01());
    }

    /** As {@link #cluster(SimConfig)}, with {@code web01} as web-01 (such as {@link Fixtures#web01WithoutMacs}). */
    SimulatedKubevirt cluster(SimConfig config, ObjectNode web01) {
        kubevirt = SimulatedKubevirt.start(config, web01);
        return kubevirt;
    }

    /** Pushes nicsync.yaml and web-01's NICs to the repository's main branch; returns the commit id. */
    String push(String nics) {
        return push(nics, "");
    }

    /** Pushes as {@link #push(String)}, with {@code policyLines} (such as "  drift: report\n") added to the policy. */
    String push(String nics, String policyLines) {
        if (git == null) {
            git = GitRepos.create(dir);
        }
        git.write("nicsync.yaml", DesiredState.config(kubevirt.kubeconfig(), allowRestart) + policyLines);
        git.write("prod/web-01.yaml", DesiredState.web01(nics));
        return git.commitAndPush("web-01: NICs");
    }

    Cli plan() {
        return Cli.run("plan", "--repo", git.url(), "--detailed-exitcode", "--allow-file", allowedFiles());
    }

    /**
     * What the operator lets nicsync.yaml name ({@code --allow-file}): the test's directory, where the simulated
     * cluster's kubeconfig is.
     */
    String allowedFiles() {
        return dir + "/";
    }

    Cli apply(String... options) {
        String[] args = new String[options.length + 7];
        args[0] = "apply";
        System.arraycopy(options, 0, args, 1, options.length);
        System.arraycopy(new String[] {"--repo", git.url(), "--state-dir", dir.resolve("state").toString(),
                "--allow-file", allowedFiles()}, 0, args, options.length + 1, 6);
        return Cli.run(args);
    }

    /** Plans and applies with --yes; both must succeed. */
    Cli planAndApply() {
        Cli plan = plan();
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        Cli apply = apply("--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        return apply;
    }

    /** The desired state holds on the cluster: a detailed plan finds nothing to do. */
    void assertConverged() {
        Cli again = plan();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes.");
    }

    @AfterEach
    void closeCluster() {
        if (kubevirt != null) {
            kubevirt.close();
        }
    }
}
