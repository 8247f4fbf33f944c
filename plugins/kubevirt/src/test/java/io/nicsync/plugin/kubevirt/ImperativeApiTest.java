package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Failing.failsWith;
import static io.nicsync.plugin.kubevirt.Lab.TIMEOUT;
import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static io.nicsync.plugin.kubevirt.Lab.bridge;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnplugNic;
import org.junit.jupiter.api.Test;

/** KubeVirt v1.0: NICs change through the addinterface / removeinterface subresources, behind HotplugNICs. */
class ImperativeApiTest {

    @Test
    void addinterfacePlugsANicAndKubevirtWritesTheTemplate() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(0))) {
            AddNic add = new AddNic(WEB01, bridge("red", "red"), "desired");
            lab.target.execute(add, TIMEOUT);

            assertThat(add.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.nic("red").persistent()).isNotNull();
            assertThat(lab.cluster.writes().all()).singleElement().satisfies(w -> {
                assertThat(w.path()).endsWith("/virtualmachines/web-01/addinterface");
                assertThat(w.definition()).isEqualTo("v1.AddInterfaceOptions");
                assertThat(w.object().toString())
                        .isEqualTo("{\"name\":\"red\",\"networkAttachmentDefinitionName\":\"red\"}");
            });
        }
    }

    @Test
    void withoutTheControllerTheAddedNicArrivesWithAMigration() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(0).withDynamicNetworks(false))) {
            var red = bridge("red", "red");
            lab.target.execute(new AddNic(WEB01, red, "desired"), TIMEOUT);
            assertThat(lab.nic("red").live()).isNull();
            lab.target.execute(new Migrate(WEB01, java.util.List.of(red), "brings red in"), TIMEOUT);
            assertThat(lab.nic("red").live()).isNotNull();
            assertThat(lab.cluster.writes().all()).extracting(w -> w.definition())
                    .containsExactly("v1.AddInterfaceOptions", "v1.VirtualMachineInstanceMigration");
        }
    }

    @Test
    void removeinterfaceUnplugsIt() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(0))) {
            UnplugNic unplug = new UnplugNic(WEB01, lab.nic("blue").current(), "not desired");
            lab.target.execute(unplug, TIMEOUT);
            assertThat(unplug.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.cluster.writes().all()).singleElement()
                    .satisfies(w -> assertThat(w.definition()).isEqualTo("v1.RemoveInterfaceOptions"));
        }
    }

    @Test
    void withoutTheFeatureGateTheErrorSaysWhereToTurnItOn() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(0).withHotplugGate(false))) {
            AddNic add = new AddNic(WEB01, bridge("red", "red"), "d");
            failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(add, TIMEOUT))
                    .hasMessageContaining("prod/web-01 nic red")
                    .hasMessageContaining("HotplugNICs")
                    .hasMessageContaining("developerConfiguration.featureGates");
            assertThat(lab.writes()).isZero();
        }
    }

    @Test
    void v1_0HasNoLinkState() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(0))) {
            SetLink down = new SetLink(WEB01, lab.nic("blue").current(), LinkState.UP, LinkState.DOWN, true, "d");
            assertThat(lab.target.capabilities().canSetLinkLive(down.spec())).isFalse();
            failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(down, TIMEOUT)).hasMessageContaining("v1.5");
        }
    }
}
