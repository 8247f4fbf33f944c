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
    private static final String UPSTREAM_VM = "kubevirt-examples/vm-cirros.yaml";

    private SimCluster upstreamVm(SimConfig config) {
        cluster = SimCluster.start(config);
        cluster.sim().createNad("prod", "blue");
        ObjectNode vm = Fixtures.object(UPSTREAM_VM);
        vm.withObjectProperty("metadata").put("namespace", "prod");
        cluster.sim().createVm(vm);
        return cluster;
    }

    private ObjectNode cirros() {
        return cluster.sim().vm("prod", "vm-cirros");
    }

    @Test
    void aVmThatNamesNoNetworkBootsWithKubevirtsPodInterfaceAndItsTemplateIsNotWritten() {
        upstreamVm(SimConfig.v1(6).withPodBinding("masquerade"));
        cluster.sim().start("prod", "vm-cirros");
        cluster.sim().settle();

        ObjectNode vmi = cluster.sim().vmi("prod", "vm-cirros");
        assertThat(vmi.at("/spec/domain/devices/interfaces").toString())
                .isEqualTo("[{\"name\":\"default\",\"masquerade\":{}}]");
        assertThat(vmi.at("/spec/networks").toString()).isEqualTo("[{\"name\":\"default\",\"pod\":{}}]");
        assertThat(Json.named(Nics.status(vmi), "default").orElseThrow().path("infoSource").asText())
                .contains("domain");
        assertThat(cirros().at("/spec/template/spec/domain/devices/interfaces").isMissingNode()).isTrue();
        assertThat(cirros().at("/spec/template/spec/networks").isMissingNode()).isTrue();
        assertThat(cirros().path("status").path("conditions").toString()).doesNotContain("RestartRequired");
    }

    @Test
    void withAutoattachPodInterfaceFalseItBootsWithoutAnyNic() {
        cluster = SimCluster.start(SimConfig.v1(6));
        ObjectNode vm = Fixtures.object(UPSTREAM_VM);
        vm.withObjectProperty("metadata").put("namespace", "prod");
        ((ObjectNode) vm.at("/spec/template/spec/domain/devices")).put("autoattachPodInterface", false);
        cluster.sim().createVm(vm);
        cluster.sim().start("prod", "vm-cirros");
        assertThat(Nics.interfaces(cluster.sim().vmi("prod", "vm-cirros").path("spec"))).isEmpty();
    }

    @Test
    void aFirstNicWrittenAloneIsPluggedButTheNextStartLosesThePodNetwork() {
        upstreamVm(SimConfig.v1(6));
        cluster.sim().start("prod", "vm-cirros");
        cluster.client().genericKubernetesResources(Kinds.VM).inNamespace("prod").withName("vm-cirros")
                .patch(PatchContext.of(PatchType.JSON), ("[{'op':'add','path':'/spec/template/spec/domain/devices/"
                        + "interfaces','value':[{'name':'blue','bridge':{}}]},{'op':'add','path':"
                        + "'/spec/template/spec/networks','value':[{'name':'blue','multus':{'networkName':'blue'}}]}]")
                        .replace('\'', '"'));
        cluster.sim().settle();
        ObjectNode vmi = cluster.sim().vmi("prod", "vm-cirros");
        assertThat(names(vmi.at("/spec/domain/devices/interfaces"))).containsExactly("default", "blue");
        assertThat(cirros().path("status").path("conditions").toString())
                .as("the pod interface left the template without state: absent").contains("RestartRequired");

        cluster.sim().restart("prod", "vm-cirros");
        assertThat(names(cluster.sim().vmi("prod", "vm-cirros").at("/spec/networks"))).containsExactly("blue");
    }

    @Test
    void aVmCreatedAsV1alpha3IsStoredAsV1AndServedAsBoth() {
        cluster = SimCluster.start(SimConfig.v1(6));
        ObjectNode vm = Fixtures.web01();
        vm.put("apiVersion", "kubevirt.io/v1alpha3");
        cluster.sim().createVm(vm);

        assertThat(cluster.sim().vm("prod", "web-01").path("apiVersion").asText()).isEqualTo("kubevirt.io/v1");
        var v1 = cluster.client().genericKubernetesResources(Kinds.VM).inNamespace("prod").withName("web-01").get();
        assertThat(v1.getApiVersion()).isEqualTo("kubevirt.io/v1");
        var alpha = cluster.client().genericKubernetesResources(Kinds.VM_V1ALPHA3).inNamespace("prod")
                .withName("web-01").get();
        assertThat(alpha.getApiVersion()).isEqualTo("kubevirt.io/v1alpha3");
        assertThat(cluster.client().genericKubernetesResources(Kinds.VM_V1ALPHA3).inNamespace("prod").list()
                .getItems()).singleElement().extracting(r -> r.getApiVersion()).isEqualTo("kubevirt.io/v1alpha3");
        assertThat(Json.MAPPER.valueToTree(alpha).path("spec")).isEqualTo(Json.MAPPER.valueToTree(v1).path("spec"));

        cluster.client().genericKubernetesResources(Kinds.VM_V1ALPHA3).inNamespace("prod").withName("web-01")
                .patch(PatchContext.of(PatchType.JSON), ADD_RED.replace('\'', '"'));
        assertThat(names(cluster.sim().vm("prod", "web-01").at("/spec/template/spec/networks")))
                .containsExactly("default", "blue", "red");
        assertThat(cluster.writes().all()).singleElement()
                .satisfies(w -> assertThat(w.definition()).isEqualTo("v1.VirtualMachine"));
    }

    @Test
    void whenRestartRequiredIsSetFollowsTheRelease() {
        for (int minor : new int[] {1, 5, 6}) {
            running(SimConfig.v1(minor));
            patchVm(ADD_RED);
            cluster.sim().settle();
            assertThat(status("red").path("infoSource").asText()).as("v1.%d plugs it", minor)
                    .isEqualTo(Handler.ATTACHED);
            assertThat(cluster.sim().vm("prod", "web-01").path("status").path("conditions").toString())
                    .as("v1.%d after a hotplug", minor)
                    .matches(c -> c.contains("RestartRequired") == (minor == 5), "RestartRequired only on v1.2-1.5");
            close();
            cluster = null;
        }
    }

    @Test
    void fromV1_8RestartRequiredGoesOnceTheTemplateNeedsNoRestartAgain() {
        for (int minor : new int[] {7, 8}) {
            running(SimConfig.v1(minor));
            patchVm("[{'op':'replace','path':'/spec/template/spec/domain/devices/interfaces/1/macAddress',"
                    + "'value':'52:54:00:00:00:99'}]");
            cluster.sim().settle();
            assertThat(cluster.sim().vm("prod", "web-01").path("status").path("conditions").toString())
                    .contains("RestartRequired");
            patchVm("[{'op':'replace','path':'/spec/template/spec/domain/devices/interfaces/1/macAddress',"
                    + "'value':'52:54:00:12:34:56'}]");
            cluster.sim().settle();
            assertThat(cluster.sim().vm("prod", "web-01").path("status").path("conditions").toString())
                    .as("v1.%d with the MAC back", minor)
                    .matches(c -> c.contains("RestartRequired") == (minor == 7), "sticky before v1.8 only");
            close();
            cluster = null;
        }
    }

    @Test
    void theRolloutStrategyDoesNotHoldANicChangeBack() {
        running(SimConfig.v1(5).withLiveUpdateRollout(false));
        patchVm(ADD_RED);
        cluster.sim().settle();
        assertThat(status("red").path("infoSource").asText()).isEqualTo(Handler.ATTACHED);
    }

    @Test
    void aNadChangeStaysInTheTemplateOnV1_8WithoutItsGate() {
        running(SimConfig.v1(8).withNadRefGate(false));
        patchVm("[{'op':'replace','path':'/spec/template/spec/networks/1/multus/networkName','value':'red'}]");
        cluster.sim().settle();
        assertThat(cluster.sim().vmi("prod", "web-01").at("/spec/networks/1/multus/networkName").asText())
                .isEqualTo("blue");
        assertThat(cluster.sim().vm("prod", "web-01").path("status").path("conditions").toString())
                .contains("RestartRequired");
    }
}
