package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import org.junit.jupiter.api.Test;

/**
 * What the cluster's KubeVirt release cannot do is said by the plan, before anything changes; what it does only at
 * the next start is written into the template and brought in by a restart; and rollback of a NIC whose template
 * names no MAC, as upstream manifests write them.
 */
class KubevirtReleaseIT extends KubevirtScenarioIT {
    private static final String NO_LINK_STATE = "link state (state: up|down) needs KubeVirt v1.5, the cluster runs v1.4";
    /** How many times the plugin patches a VM template that keeps changing under it before it gives up. */
    private static final int PATCH_ATTEMPTS = 5;

    @Test
    void beforeV1_5ALinkDownIsNotPlannedAndThePlanAndTheDryRunSayWhyBeforeAnythingChanges() {
        cluster(SimConfig.v1(4), Fixtures.web01WithoutMacs()).running().connect(dir);
        push(DesiredState.bridgeNic("blue", "blue", "link: down"));

        Cli plan = plan();
        assertThat(plan.out()).as(plan.toString())
                .contains("warning: blue cannot have its desired configuration on this target: " + NO_LINK_STATE)
                .doesNotContain("persist").doesNotContain("restart required");
        Cli dry = apply("--dry-run");
        assertThat(dry.out()).as(dry.toString()).contains(NO_LINK_STATE).doesNotContain("persist");
        Cli apply = apply("--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains(NO_LINK_STATE).doesNotContain("FAILED");

        assertThat(kubevirt.cluster().writes().all()).isEmpty();
        assertThat(kubevirt.templateInterface("blue").has("state")).isFalse();
    }

    @Test
    void beforeV1_8AMoveToAnotherNadIsWrittenForTheNextStartAndTheRestartBringsItIn() {
        cluster(SimConfig.v1(5).withDynamicNetworks(false), Fixtures.web01WithoutMacs()).running().connect(dir);
        String macBefore = kubevirt.vmiStatus("blue").path("mac").asText();
        push(DesiredState.bridgeNic("blue", "green"));

        assertThat(plan().out()).contains("~ persist blue").contains("! restart required");
        Cli apply = apply("--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("restarts are not allowed").doesNotContain("FAILED");
        assertThat(kubevirt.templateNetwork("blue").at("/multus/networkName").asText()).isEqualTo("green");
        assertThat(kubevirt.vmi().at("/spec/networks/1/multus/networkName").asText()).as("the running VM")
                .isEqualTo("blue");
        Cli again = plan();
        assertThat(again.out()).as(again.toString()).contains("! restart required").doesNotContain("~ persist");

        allowRestart = true;
        push(DesiredState.bridgeNic("blue", "green"));
        Cli restart = apply("--yes");
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(kubevirt.vmi().at("/spec/networks/1/multus/networkName").asText()).isEqualTo("green");
        assertThat(kubevirt.vmiStatus("blue").path("mac").asText()).as("the MAC the NIC had").isEqualTo(macBefore);
        assertConverged();
    }

    @Test
    void aFailedChangeOfANicWithoutATemplateMacIsRolledBackAndNothingIsLeftInEffect() {
        failedMoveOfBlue(Fixtures.web01WithoutMacs());
        assertThat(kubevirt.templateInterface("blue").has("macAddress")).isFalse();
    }

    @Test
    void aFailedChangeOfANicWithATemplateMacIsRolledBackAsBefore() {
        failedMoveOfBlue(Fixtures.web01());
        assertThat(kubevirt.templateInterface("blue").path("macAddress").asText()).isEqualTo("52:54:00:12:34:56");
    }

    /**
     * Moves blue to NAD green on v1.5 without the dynamic-networks controller, a change written into the template
     * for the next start, while another writer keeps changing the VM: every attempt to patch the template loses
     * (the plugin gives up after five), the step fails, apply undoes it, and the undo finds the template as it was.
     */
    private void failedMoveOfBlue(ObjectNode web01) {
        cluster(SimConfig.v1(5).withDynamicNetworks(false), web01).running().connect(dir);
        JsonNode templateBefore = kubevirt.vm().at("/spec/template/spec");
        push(DesiredState.bridgeNic("blue", "green"));
        kubevirt.cluster().interfereWithNextPatches(PATCH_ATTEMPTS);

        Cli apply = apply("--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
        assertThat(apply.out()).contains("kept changing").contains("rolled back").doesNotContain("still in effect")
                .doesNotContain("undo step 1 FAILED");
        assertThat(kubevirt.vm().at("/spec/template/spec")).isEqualTo(templateBefore);
        assertThat(kubevirt.vm().path("status").path("conditions").toString()).doesNotContain("RestartRequired");
    }
}
