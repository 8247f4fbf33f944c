package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Lab.TIMEOUT;
import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import org.junit.jupiter.api.Test;

/**
 * A template interface without {@code macAddress}, as upstream manifests write them: the template keeps the MAC
 * KubeVirt chose, so asking for that MAC again is no MAC change, and an undo that restores the entry as it was
 * observed leaves it naming no MAC again, without RestartRequired.
 */
class TemplateWithoutMacTest {

    @Test
    void theTemplateEntryNamesNoMacAndKeepsTheOneTheRunningVmHas() throws Exception {
        try (Lab lab = Lab.runningWithoutMacs(SimConfig.v1(6))) {
            LiveNic blue = lab.nic("blue");
            assertThat(blue.live().mac()).isNotNull();
            assertThat(blue.persistent().mac()).isNull();
            // the entry as the plan records it, with the NIC's MAC, is what the template has
            PersistNic again = new PersistNic(WEB01, blue.persistent().withMac(blue.mac()), null, "as it is");
            assertThat(again.verifiedBy(lab.observe())).isTrue();
        }
    }

    @Test
    void aChangeAndItsUndoLeaveTheMacUnpinnedAndSetNoRestartRequired() throws Exception {
        try (Lab lab = Lab.runningWithoutMacs(SimConfig.v1(6))) {
            LiveNic blue = lab.nic("blue");
            NicSpec observed = blue.persistent().withMac(blue.mac());
            PersistNic down = new PersistNic(WEB01, observed.withLink(LinkState.DOWN), observed, "desired down");
            lab.target.execute(down, TIMEOUT);
            assertThat(down.verifiedBy(lab.observe())).isTrue();

            PersistNic undo = (PersistNic) down.inverse().orElseThrow();
            assertThat(undo.spec().mac()).isNotNull();
            lab.target.execute(undo, TIMEOUT);
            assertThat(undo.verifiedBy(lab.observe())).isTrue();

            lab.sim.settle();
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/domain/devices/interfaces/1").toString())
                    .doesNotContain("macAddress").doesNotContain("down");
            assertThat(lab.sim.vm("prod", "web-01").path("status").path("conditions").toString())
                    .doesNotContain("RestartRequired");
        }
    }

    @Test
    void anotherMacIsAChangeOnlyARestartMakesAndItsUndoUnpinsTheMacAgain() throws Exception {
        try (Lab lab = Lab.runningWithoutMacs(SimConfig.v1(8))) {
            LiveNic blue = lab.nic("blue");
            NicSpec observed = blue.persistent().withMac(blue.mac());
            MacAddress other = MacAddress.parse("52:54:00:ff:00:01");
            PersistNic change = new PersistNic(WEB01, observed.withMac(other), observed, "new MAC");
            lab.target.execute(change, TIMEOUT);
            lab.sim.settle();
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/domain/devices/interfaces/1/macAddress")
                    .asText()).isEqualTo(other.value());
            assertThat(lab.sim.vm("prod", "web-01").path("status").path("conditions").toString())
                    .as("KubeVirt takes it for the next start").contains("RestartRequired");
            assertThat(lab.nic("blue").live().mac()).isEqualTo(blue.mac());

            PersistNic undo = (PersistNic) change.inverse().orElseThrow();
            lab.target.execute(undo, TIMEOUT);
            lab.sim.settle();
            assertThat(undo.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/domain/devices/interfaces/1").toString())
                    .doesNotContain("macAddress");
            assertThat(lab.sim.vm("prod", "web-01").path("status").path("conditions").toString())
                    .as("v1.8 clears the condition once no change needs it").doesNotContain("RestartRequired");
        }
    }
}
