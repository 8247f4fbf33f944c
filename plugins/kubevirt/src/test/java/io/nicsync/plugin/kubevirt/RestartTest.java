package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Lab.TIMEOUT;
import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static io.nicsync.plugin.kubevirt.Lab.bridge;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.RestartRequired;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The restart-required step restarts the VM into its template; what the template still lacks of the changes the
 * step brings in is written first, and the MACs it promises are kept.
 */
class RestartTest {
    private static final MacAddress NEW_MAC = MacAddress.parse("52:54:00:ff:00:01");

    @Test
    void aMacChangeIsWrittenAndTheVmRestartedIntoIt() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            String before = lab.sim.vmi("prod", "web-01").at("/metadata/uid").asText();
            NicSpec blue = bridge("blue", "blue").withMac(NEW_MAC);
            RestartRequired restart = new RestartRequired(WEB01, List.of(blue), "MAC change needs a restart");
            assertThat(restart.verifiedBy(lab.observe())).isFalse();

            lab.target.execute(restart, TIMEOUT);

            assertThat(restart.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.nic("blue").live().mac()).isEqualTo(NEW_MAC);
            assertThat(lab.sim.vmi("prod", "web-01").at("/metadata/uid").asText()).isNotEqualTo(before);
            assertThat(lab.sim.vm("prod", "web-01").path("status").path("conditions").toString())
                    .doesNotContain("RestartRequired");
            assertThat(lab.cluster.writes().all()).extracting(w -> w.definition())
                    .containsExactly("v1.VirtualMachine", "v1.RestartOptions");
        }
    }

    @Test
    void aNicWhoseTemplateNamesNoMacKeepsItsMacThroughTheRestart() throws Exception {
        try (Lab lab = Lab.runningWithoutMacs(SimConfig.v1(6))) {
            NicSpec blue = lab.nic("blue").live();
            NicSpec moved = blue.withNetwork(Networks.multus("red", "prod"));
            lab.target.execute(new RestartRequired(WEB01, List.of(moved), "NAD change needs a restart"), TIMEOUT);
            assertThat(lab.nic("blue").live()).isEqualTo(moved);
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/domain/devices/interfaces/1/macAddress")
                    .asText()).isEqualTo(blue.mac().value());
            assertThat(lab.nic("default").live().mac()).as("a NIC the restart does not bring in is KubeVirt's business")
                    .isNotNull();
        }
    }

    @Test
    void aStoppedVmOnlyGetsTheTemplate() throws Exception {
        try (Lab lab = Lab.stopped(SimConfig.v1(6))) {
            NicSpec blue = bridge("blue", "blue").withMac(NEW_MAC);
            lab.target.execute(new RestartRequired(WEB01, List.of(blue), "d"), TIMEOUT);
            assertThat(lab.nic("blue").persistent().mac()).isEqualTo(NEW_MAC);
            assertThat(lab.sim.vmi("prod", "web-01")).isNull();
        }
    }
}
