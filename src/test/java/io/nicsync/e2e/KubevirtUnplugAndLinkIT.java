package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** Unplugging web-01's NIC blue and taking its link down and up again, from Git. */
class KubevirtUnplugAndLinkIT extends KubevirtScenarioIT {

    private static String blue(String setting) {
        return DesiredState.bridgeNic("blue", "blue", setting);
    }

    @Test
    void anAbsentNicIsUnpluggedAndKubevirtsDeletionOfItIsNotFought() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(blue("state: absent"));

        assertThat(plan().out()).contains("- unplug blue");
        planAndApply();

        // KubeVirt deletes the entry everywhere once the guest released it
        kubevirt.await("delete blue from the template", () -> kubevirt.templateInterface("blue").isMissingNode());
        assertThat(kubevirt.templateNetwork("blue").isMissingNode()).isTrue();
        assertThat(kubevirt.vmiInterface("blue").isMissingNode()).isTrue();
        assertThat(kubevirt.vmiStatus("blue").isMissingNode()).isTrue();
        assertConverged();

        int writes = kubevirt.cluster().writes().all().size();
        Cli again = apply("--yes");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No changes.");
        assertThat(kubevirt.cluster().writes().all()).hasSize(writes);
        assertThat(kubevirt.templateInterface("blue").isMissingNode()).isTrue();
    }

    @Test
    void theLinkGoesDownAndUpInPlace() {
        cluster(SimConfig.v1(5)).running().connect(dir);
        String vmiUid = kubevirt.vmi().at("/metadata/uid").asText();

        push(blue("link: down"));
        assertThat(plan().out()).contains("~ link blue: up -> down");
        planAndApply();
        assertThat(kubevirt.vmiStatus("blue").path("linkState").asText()).isEqualTo("down");
        assertThat(kubevirt.templateInterface("blue").path("state").asText()).isEqualTo("down");
        assertConverged();

        push(blue("link: up"));
        assertThat(plan().out()).contains("~ link blue: down -> up");
        planAndApply();
        assertThat(kubevirt.vmiStatus("blue").path("linkState").asText()).isEqualTo("up");
        assertThat(kubevirt.templateInterface("blue").path("state").asText()).isIn("", "up");
        assertConverged();

        assertThat(kubevirt.vmi().at("/metadata/uid").asText()).isEqualTo(vmiUid);
        assertThat(kubevirt.sim().migrations()).isEmpty();
    }
}
