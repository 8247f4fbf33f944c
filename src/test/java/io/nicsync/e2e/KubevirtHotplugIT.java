package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** New NICs reach web-01 from Git: in place, by one migration, or only into the template of a stopped VM. */
class KubevirtHotplugIT extends KubevirtScenarioIT {
    private static final String RED = DesiredState.bridgeNic("red", "red");
    private static final String GREEN = DesiredState.bridgeNic("green", "green");

    @Test
    void withTheDynamicNetworksControllerANicIsPluggedInPlace() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(RED);

        assertThat(plan().out()).contains("+ add red (multus prod/red, binding bridge").doesNotContain("> migrate");
        planAndApply();

        assertThat(kubevirt.templateInterface("red").has("bridge")).isTrue();
        assertThat(kubevirt.templateNetwork("red").at("/multus/networkName").asText()).isEqualTo("red");
        assertThat(kubevirt.vmiInterface("red").isMissingNode()).isFalse();
        assertThat(kubevirt.vmiStatus("red").path("infoSource").asText()).contains("domain");
        assertThat(kubevirt.sim().migrations()).isEmpty();
        assertConverged();
    }

    @Test
    void withoutTheControllerOneMigrationCarriesEveryAdd() {
        cluster(SimConfig.v1(5).withDynamicNetworks(false)).running().connect(dir);
        push(RED + GREEN);

        assertThat(plan().out()).contains("~ persist red").contains("~ persist green")
                .contains("> migrate, bringing in red, green");
        planAndApply();

        assertThat(kubevirt.attached("red")).isTrue();
        assertThat(kubevirt.attached("green")).isTrue();
        assertThat(kubevirt.sim().migrations()).singleElement()
                .satisfies(m -> assertThat(m.at("/status/phase").asText()).isEqualTo("Succeeded"));
        assertThat(kubevirt.vmi().at("/status/migrationState/completed").asBoolean()).isTrue();
        assertConverged();
    }

    @Test
    void onV1_0TheNicGoesInThroughTheAddinterfaceSubresourceAndKubevirtWritesTheTemplate() {
        cluster(SimConfig.v1(0)).running().connect(dir);
        push(RED);

        planAndApply();

        assertThat(kubevirt.cluster().writes().all()).singleElement().satisfies(w -> {
            assertThat(w.path()).endsWith("/virtualmachines/web-01/addinterface");
            assertThat(w.object().path("networkAttachmentDefinitionName").asText()).isEqualTo("red");
        });
        assertThat(kubevirt.templateInterface("red").has("bridge")).isTrue();
        assertThat(kubevirt.attached("red")).isTrue();
        assertConverged();
    }

    @Test
    void aStoppedVmGetsTheNicInItsTemplateOnly() {
        cluster(SimConfig.v1(6)).connect(dir);
        push(RED);

        assertThat(plan().out()).contains("persist red").doesNotContain("+ add red");
        planAndApply();

        JsonNode red = kubevirt.templateInterface("red");
        assertThat(red.has("bridge")).isTrue();
        assertThat(kubevirt.vmi()).isNull();
        assertThat(kubevirt.sim().migrations()).isEmpty();
        assertConverged();
    }
}
