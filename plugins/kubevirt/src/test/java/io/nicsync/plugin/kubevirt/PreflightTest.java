package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static io.nicsync.plugin.kubevirt.Lab.bridge;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.VmRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightTest {

    @Test
    void aHealthyPlanHasNoProblemsAndWritesNothing() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            assertThat(lab.target.preflight(List.of(new AddNic(WEB01, bridge("red", "red"), "d"),
                    new RestartRequired(WEB01, List.of(bridge("blue", "blue")), "d")))).isEmpty();
            assertThat(lab.writes()).isZero();
        }
    }

    @Test
    void aMissingNadIsFoundInTheVmsNamespaceOrTheNamedOne() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            List<String> problems = lab.target.preflight(List.of(
                    new AddNic(WEB01, bridge("gone", "gone"), "d"),
                    new AddNic(WEB01, bridge("shared", "infra/uplink"), "d"),
                    new AddNic(WEB01, bridge("red", "red"), "d")));
            assertThat(problems).containsExactly(
                    "prod/web-01 nic gone: NetworkAttachmentDefinition prod/gone does not exist",
                    "prod/web-01 nic shared: NetworkAttachmentDefinition infra/uplink does not exist");
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(3).withHotplugGate(false).withDynamicNetworks(true))) {
            lab.sim.createNad("prod", "green");
            List<String> problems = lab.target.preflight(List.of(
                    new AddNic(WEB01, bridge("red", "red"), "d"),
                    new AddNic(WEB01, bridge("green", "green"), "d"),
                    new AddNic(WEB01, bridge("pink", "pink"), "d"),
                    new SetLink(WEB01, bridge("blue", "blue"), LinkState.UP, LinkState.DOWN, true, "d"),
                    new AddNic(new VmRef("lab", "prod", "db-01"), bridge("red", "red"), "d")));
            assertThat(problems)
                    .anySatisfy(p -> assertThat(p).contains("nic pink: NetworkAttachmentDefinition prod/pink"))
                    .anySatisfy(p -> assertThat(p).contains("HotplugNICs"))
                    .anySatisfy(p -> assertThat(p).contains("nic blue: link state (state: up|down) needs KubeVirt v1.5"))
                    .anySatisfy(p -> assertThat(p).contains("prod/db-01: no such VirtualMachine"))
                    .anySatisfy(p -> assertThat(p).contains("3 NIC(s) to hotplug but room for only 2"));
        }
    }

    @Test
    void aMigrationTheCallerMayNotCreateIsFoundByAccessReview() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5).withDynamicNetworks(false).withMigrationsForbidden(true))) {
            List<String> problems = lab.target.preflight(List.of(
                    new AddNic(WEB01, bridge("red", "red"), "d"),
                    new Migrate(WEB01, List.of(bridge("red", "red")), "d")));
            assertThat(problems).singleElement().asString()
                    .contains("not allowed to create virtualmachineinstancemigrations.kubevirt.io in namespace prod")
                    .contains("kubevirt/kubevirt#13497");
        }
    }

    @Test
    void whenKubevirtMigratesByItselfTheCallerNeedsNoMigrationRights() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6).withDynamicNetworks(false).withMigrationsForbidden(true))) {
            assertThat(lab.target.preflight(List.of(new Migrate(WEB01, List.of(bridge("red", "red")), "d"))))
                    .isEmpty();
        }
    }

    @Test
    void aLiveChangeKubevirtWouldKeepForTheNextStartIsFoundBeforeAnythingIsWritten() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(0).withHotplugGate(false))) {
            List<String> problems = lab.target.preflight(List.of(
                    new AddNic(WEB01, bridge("red", "red"), "d"),
                    new PersistNic(WEB01, bridge("green", "red"), null, "d"),
                    new RestartRequired(WEB01, List.of(bridge("green", "red")), "d")));
            assertThat(problems).singleElement().asString().contains("nic red").contains("HotplugNICs");
        }
        try (Lab lab = Lab.running(SimConfig.v1(8).withNadRefGate(false))) {
            assertThat(lab.target.preflight(List.of(new RepointNic(WEB01, bridge("blue", "blue"),
                    Networks.multus("blue", "prod"), Networks.multus("red", "prod"), "d"))))
                    .singleElement().asString().contains("LiveUpdateNADRef").contains("the cluster runs v1.8");
        }
    }
}
