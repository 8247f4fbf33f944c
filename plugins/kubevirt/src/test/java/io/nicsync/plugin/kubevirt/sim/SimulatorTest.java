package io.nicsync.plugin.kubevirt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private SimCluster cluster;

    private SimCluster running(SimConfig config) {
        cluster = SimCluster.start(config);
        cluster.sim().createNad("prod", "blue");
        cluster.sim().createNad("prod", "red");
        cluster.sim().createVm(Fixtures.web01());
        cluster.sim().start("prod", "web-01");
        return cluster;
    }

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.writes().assertAllValid();
            cluster.close();
        }
    }

    private void patchVm(String patch) {
        cluster.client().genericKubernetesResources(Kinds.VM).inNamespace("prod").withName("web-01")
                .patch(PatchContext.of(PatchType.JSON), patch.replace('\'', '"'));
    }

    private static final String ADD_RED = "[{'op':'add','path':'/spec/template/spec/domain/devices/interfaces/-',"
            + "'value':{'name':'red','bridge':{}}},{'op':'add','path':'/spec/template/spec/networks/-',"
            + "'value':{'name':'red','multus':{'networkName':'red'}}}]";

    private JsonNode status(String nic) {
        return Json.named(Nics.status(cluster.sim().vmi("prod", "web-01")), nic).orElse(null);
    }

    private List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    @Test
    void aStartedVmReportsEveryInterfaceFromTheDomain() {
        running(SimConfig.v1(6));
        assertThat(status("default").path("infoSource").asText()).isEqualTo("domain, guest-agent");
        assertThat(status("blue").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
        assertThat(status("blue").path("mac").asText()).isEqualTo("52:54:00:12:34:56");
    }

    @Test
    void aTemplateInterfaceIsPluggedInPlaceWithTheDynamicNetworksController() {
        running(SimConfig.v1(6));
        patchVm(ADD_RED);
        cluster.sim().tick();
        assertThat(status("red").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
        assertThat(status("red").path("linkState").asText()).isEqualTo("up");
    }

    @Test
    void withoutTheControllerTheInterfaceWaitsForTheAutomaticMigration() {
        running(SimConfig.v1(6).withDynamicNetworks(false));
        patchVm(ADD_RED);
        cluster.sim().tick();
        assertThat(status("red")).isNull();
        JsonNode conditions = cluster.sim().vmi("prod", "web-01").path("status").path("conditions");
        assertThat(conditions.toString()).contains("AutoMigrationPending");
        cluster.sim().settle();
        assertThat(status("red").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
        assertThat(cluster.sim().migrations()).singleElement()
                .satisfies(m -> assertThat(m.path("status").path("phase").asText()).isEqualTo("Succeeded"));
        assertThat(cluster.sim().vmi("prod", "web-01").path("status").path("migrationState").path("completed")
                .asBoolean()).isTrue();
    }

    @Test
    void anSriovInterfaceIsPluggedOnlyByMigrationEvenWithTheController() {
        running(SimConfig.v1(6));
        patchVm("[{'op':'add','path':'/spec/template/spec/domain/devices/interfaces/-','value':"
                + "{'name':'vf','sriov':{}}},{'op':'add','path':'/spec/template/spec/networks/-',"
                + "'value':{'name':'vf','multus':{'networkName':'red'}}}]");
        cluster.sim().tick();
        assertThat(status("vf")).isNull();
        assertThat(cluster.sim().vmi("prod", "web-01").at("/status/conditions").toString())
                .contains("MigrationRequired");
        cluster.sim().settle();
        assertThat(status("vf").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
    }

    @Test
    void withoutLiveMigrateUpdatesNothingMigratesByItself() {
        running(SimConfig.v1(6).withDynamicNetworks(false).withLiveMigrateUpdates(false));
        patchVm(ADD_RED);
        cluster.sim().settle();
        assertThat(status("red")).isNull();
        assertThat(cluster.sim().migrations()).isEmpty();
    }

    @Test
    void anAbsentInterfaceLeavesTheGuestThenKubevirtDeletesItsEntries() {
        running(SimConfig.v1(6));
        patchVm("[{'op':'add','path':'/spec/template/spec/domain/devices/interfaces/1/state','value':'absent'}]");
        cluster.sim().tick();
        assertThat(status("blue").path("infoSource").asText()).isEqualTo(Handler.POD_ONLY);
        cluster.sim().settle();
        ObjectNode vm = cluster.sim().vm("prod", "web-01");
        assertThat(status("blue")).isNull();
        assertThat(names(vm.at("/spec/template/spec/domain/devices/interfaces"))).containsExactly("default");
        assertThat(names(vm.at("/spec/template/spec/networks"))).containsExactly("default");
        assertThat(names(cluster.sim().vmi("prod", "web-01").at("/spec/networks"))).containsExactly("default");
        assertThat(vm.path("status").path("conditions").toString()).doesNotContain("RestartRequired");
    }

    @Test
    void deletingAnEntryInsteadOfMarkingItAbsentRequiresARestartThatStays() {
        running(SimConfig.v1(6));
        patchVm("[{'op':'remove','path':'/spec/template/spec/domain/devices/interfaces/1'},"
                + "{'op':'remove','path':'/spec/template/spec/networks/1'}]");
        cluster.sim().settle();
        assertThat(status("blue").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
        assertThat(cluster.sim().vm("prod", "web-01").path("status").path("conditions").toString())
                .contains("RestartRequired", TemplateSync.RESTART_MESSAGE);

        patchVm("[{'op':'add','path':'/spec/template/spec/domain/devices/interfaces/-','value':"
                + "{'name':'blue','bridge':{},'macAddress':'52:54:00:12:34:56'}},{'op':'add','path':"
                + "'/spec/template/spec/networks/-','value':{'name':'blue','multus':{'networkName':'blue'}}}]");
        cluster.sim().settle();
        assertThat(cluster.sim().vm("prod", "web-01").path("status").path("conditions").toString())
                .as("sticky until restart").contains("RestartRequired");

        cluster.sim().restart("prod", "web-01");
        cluster.sim().settle();
        assertThat(cluster.sim().vm("prod", "web-01").path("status").path("conditions").toString())
                .doesNotContain("RestartRequired");
    }

    private String podNetworks() {
        var pods = cluster.client().pods().inNamespace("prod").withLabel("vm.kubevirt.io/name", "web-01").list();
        assertThat(pods.getItems()).hasSize(1);
        return pods.getItems().get(0).getMetadata().getAnnotations().get(LauncherPods.NETWORK_STATUS);
    }

    @Test
    void aNadChangeReachesTheLauncherPodOnlyWithTheMigration() {
        running(SimConfig.v1(8).withLiveMigrateUpdates(false));
        assertThat(podNetworks()).contains("prod/blue");
        patchVm("[{'op':'replace','path':'/spec/template/spec/networks/1/multus/networkName','value':'red'}]");
        cluster.sim().settle();
        assertThat(cluster.sim().vmi("prod", "web-01").at("/spec/networks/1/multus/networkName").asText())
                .isEqualTo("red");
        assertThat(podNetworks()).contains("prod/blue").doesNotContain("prod/red");
        assertThat(cluster.sim().vmi("prod", "web-01").at("/status/conditions").toString())
                .contains("MigrationRequired");
    }

    @Test
    void linkStateFollowsTheTemplateFromV1_5() {
        running(SimConfig.v1(5));
        patchVm("[{'op':'add','path':'/spec/template/spec/domain/devices/interfaces/1/state','value':'down'}]");
        cluster.sim().settle();
        assertThat(status("blue").path("linkState").asText()).isEqualTo("down");
    }

    @Test
    void beforeV1_5TheWebhookRefusesALinkState() {
        running(SimConfig.v1(3));
        assertThatThrownBy(() -> patchVm(
                "[{'op':'add','path':'/spec/template/spec/domain/devices/interfaces/1/state','value':'down'}]"))
                .hasMessageContaining("Unsupported value");
    }

    @Test
    void placeholdersRunOutAtFourInterfacesBeforeV1_6() {
        running(SimConfig.v1(5));
        cluster.sim().createNad("prod", "green");
        cluster.sim().createNad("prod", "pink");
        patchVm(ADD_RED);
        patchVm(ADD_RED.replace("red", "green"));
        patchVm(ADD_RED.replace("red", "pink"));
        cluster.sim().settle();
        assertThat(status("red").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
        assertThat(status("green").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
        assertThat(status("pink").path("infoSource").asText()).isEqualTo(Handler.POD_ONLY);
    }

    @Test
    void aFailingMigrationLeavesThePendingInterfaceOutAndSaysWhy() {
        running(SimConfig.v1(6).withDynamicNetworks(false).withMigrationSucceeding(false));
        patchVm(ADD_RED);
        for (int i = 0; i < 8; i++) {
            cluster.sim().tick();
        }
        JsonNode state = cluster.sim().vmi("prod", "web-01").path("status").path("migrationState");
        assertThat(state.path("failed").asBoolean()).isTrue();
        assertThat(state.path("failureReason").asText()).isNotEmpty();
        assertThat(status("red")).isNull();
    }
}
