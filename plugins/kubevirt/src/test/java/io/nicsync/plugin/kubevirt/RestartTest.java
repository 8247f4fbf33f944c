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

/** A change only a restart applies is written together with the restart, never left behind RestartRequired. */
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
    void aStoppedVmOnlyGetsTheTemplate() throws Exception {
        try (Lab lab = Lab.stopped(SimConfig.v1(6))) {
            NicSpec blue = bridge("blue", "blue").withMac(NEW_MAC);
            lab.target.execute(new RestartRequired(WEB01, List.of(blue), "d"), TIMEOUT);
            assertThat(lab.nic("blue").persistent().mac()).isEqualTo(NEW_MAC);
            assertThat(lab.sim.vmi("prod", "web-01")).isNull();
        }
    }
}
