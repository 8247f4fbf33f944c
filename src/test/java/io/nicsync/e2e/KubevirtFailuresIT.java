package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** Apply meets the rest of the world: another writer changing the VM, a migration that fails. */
class KubevirtFailuresIT extends KubevirtScenarioIT {
    private static final String RED = DesiredState.bridgeNic("red", "red");

    @Test
    void aVmChangedByAnotherWriterDuringApplyIsReadAgainAndTheChangeRetried() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(RED);
        kubevirt.cluster().interfereWithNextPatches(2);

        planAndApply();

        assertThat(kubevirt.cluster().writes().refusals()).hasSize(2)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo(422));
        assertThat(kubevirt.vm().at("/metadata/annotations/example.com~1touched-by").asText())
                .isEqualTo("someone-else");
        assertThat(kubevirt.attached("red")).isTrue();
        assertConverged();
    }

    @Test
    void aFailedMigrationIsRolledBackAndTheTemplateIsAsBefore() {
        cluster(SimConfig.v1(5).withDynamicNetworks(false).withMigrationSucceeding(false)).running().connect(dir);
        JsonNode templateBefore = kubevirt.vm().at("/spec/template/spec");
        push(RED);

        Cli apply = apply("--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
        assertThat(apply.out()).contains("migration failed").contains("rolled back");
        // the rollback marked red absent; KubeVirt deletes the entry, as it never reached the guest
        kubevirt.await("delete red from the template", () -> kubevirt.templateInterface("red").isMissingNode());
        assertThat(kubevirt.vm().at("/spec/template/spec")).isEqualTo(templateBefore);
        assertThat(kubevirt.attached("red")).isFalse();
        assertThat(kubevirt.sim().migrations()).singleElement()
                .satisfies(m -> assertThat(m.at("/status/phase").asText()).isEqualTo("Failed"));
        // nothing of it stayed, so the next run plans the same change again
        Cli again = plan();
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.out()).contains("> migrate, bringing in red");
    }
}
