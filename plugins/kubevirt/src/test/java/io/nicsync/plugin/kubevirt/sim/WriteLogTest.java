package io.nicsync.plugin.kubevirt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

/** The write check sees what a client really sent through the API server, and only the client's writes. */
class WriteLogTest {

    @Test
    void aMisspeltFieldInAPatchedVmIsReportedWithItsPath() {
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6))) {
            cluster.sim().createVm(Fixtures.web01());
            cluster.sim().start("prod", "web-01");
            cluster.sim().settle();
            assertThat(cluster.writes().all()).isEmpty();

            cluster.client().genericKubernetesResources(Kinds.VM).inNamespace("prod").withName("web-01")
                    .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":"
                            + "\"/spec/template/spec/domain/devices/interfaces/1/macAdress\",\"value\":\"x\"}]");

            assertThat(cluster.writes().all()).singleElement()
                    .satisfies(w -> assertThat(w.definition()).isEqualTo("v1.VirtualMachine"));
            assertThatThrownBy(() -> cluster.writes().assertAllValid())
                    .hasMessageContaining("PATCH /apis/kubevirt.io/v1/namespaces/prod/virtualmachines/web-01")
                    .hasMessageContaining("macAdress");
        }
    }

    @Test
    void aMigrationWithoutItsSpecIsReported() {
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6))) {
            var migration = Json.MAPPER.createObjectNode();
            migration.put("apiVersion", "kubevirt.io/v1").put("kind", "VirtualMachineInstanceMigration");
            migration.putObject("metadata").put("name", "m").put("namespace", "prod");
            cluster.client().genericKubernetesResources(Kinds.MIGRATION).inNamespace("prod")
                    .resource(Json.MAPPER.convertValue(migration,
                            io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
                    .create();
            assertThatThrownBy(() -> cluster.writes().assertAllValid()).hasMessageContaining("spec");
        }
    }
}
