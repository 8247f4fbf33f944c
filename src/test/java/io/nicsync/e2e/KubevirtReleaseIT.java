package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** What the cluster's KubeVirt release cannot do is said by the plan, before anything changes. */
class KubevirtReleaseIT extends KubevirtScenarioIT {
    private static final String NO_LINK_STATE = "link state (state: up|down) needs KubeVirt v1.5, the cluster runs v1.4";

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
}
