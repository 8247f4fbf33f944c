package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.e2e.kubevirt.SimulatedKubevirt;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * web-01 as many upstream manifests write a VM: created as {@code kubevirt.io/v1alpha3}, its template naming no NIC,
 * so that KubeVirt gives it its pod network when it starts. nicsync imports it as it runs, and a first NIC added
 * from Git leaves it its pod network at the next start.
 */
class KubevirtPodNetworkIT extends KubevirtScenarioIT {

    private static ObjectNode upstreamWeb01() {
        ObjectNode vm = Fixtures.object("kubevirt-examples/vm-cirros.yaml");
        vm.put("apiVersion", "kubevirt.io/v1alpha3");
        vm.withObjectProperty("metadata").put("name", SimulatedKubevirt.VM)
                .put("namespace", SimulatedKubevirt.NAMESPACE);
        return vm;
    }

    @Test
    void importedAsItRunsItPlansNoChange() throws Exception {
        cluster(SimConfig.v1(6), upstreamWeb01()).running().connect(dir);
        git = GitRepos.create(dir);
        git.write("nicsync.yaml", DesiredState.config(kubevirt.kubeconfig()));
        git.commitAndPush("the cluster");

        Cli imported = Cli.run("import", "--repo", git.url(), "--target", "sim", "--vm", "prod/web-01", "--allow-file",
                allowedFiles(), "--out", dir.resolve("imported").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        String file = Files.readString(dir.resolve("imported/sim/prod/web-01.yaml"));
        assertThat(file).contains("name: default").contains("pod: {}");

        git.write("prod/web-01.yaml", file);
        git.commitAndPush("web-01 imported");
        assertConverged();
        assertThat(kubevirt.cluster().writes().all()).isEmpty();
    }

    @Test
    void aFirstNicFromGitKeepsThePodNetworkAtTheNextStart() {
        cluster(SimConfig.v1(6), upstreamWeb01()).running().connect(dir);
        push(DesiredState.bridgeNic("blue", "blue"));

        assertThat(plan().out()).contains("+ add blue");
        planAndApply();

        assertThat(kubevirt.attached("blue")).isTrue();
        assertThat(kubevirt.templateNetwork("default").has("pod")).as("written out with blue").isTrue();
        assertThat(kubevirt.templateInterface("default").has("bridge")).as("as KubeVirt made it").isTrue();
        assertThat(kubevirt.vm().path("status").path("conditions").toString()).doesNotContain("RestartRequired");

        kubevirt.restart();
        assertThat(kubevirt.attached("default")).as("the pod network after the restart").isTrue();
        assertThat(kubevirt.attached("blue")).isTrue();
        assertConverged();
    }
}
