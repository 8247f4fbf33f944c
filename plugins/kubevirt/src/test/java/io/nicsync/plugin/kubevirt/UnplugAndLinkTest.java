package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Failing.failsWith;
import static io.nicsync.plugin.kubevirt.Lab.TIMEOUT;
import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import org.junit.jupiter.api.Test;

class UnplugAndLinkTest {

    private static NicSpec observed(Lab lab, String nic) throws TargetException {
        return lab.nic(nic).current();
    }

    @Test
    void anUnplugMarksTheNicAbsentAndKubevirtDeletesTheEntryItself() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            UnplugNic unplug = new UnplugNic(WEB01, observed(lab, "blue"), "not desired");
            lab.target.execute(unplug, TIMEOUT);
            assertThat(unplug.verifiedBy(lab.observe())).isTrue();

            lab.sim.settle();
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/domain/devices/interfaces").toString())
                    .doesNotContain("blue");
            assertThat(lab.nic("blue")).isNull();
            assertThat(lab.sim.vm("prod", "web-01").path("status").path("conditions").toString())
                    .doesNotContain("RestartRequired");
        }
    }

    @Test
    void unpluggingAgainAfterKubevirtDeletedTheEntryWritesNothing() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            UnplugNic unplug = new UnplugNic(WEB01, observed(lab, "blue"), "not desired");
            lab.target.execute(unplug, TIMEOUT);
            lab.sim.settle();
            int writes = lab.writes();

            lab.target.execute(unplug, TIMEOUT);
            assertThat(lab.writes()).isEqualTo(writes);
        }
    }

    @Test
    void aGuestThatDoesNotLetGoIsReportedAsNotReleased() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            lab.sim.holdInGuest("prod", "web-01", "blue");
            UnplugNic unplug = new UnplugNic(WEB01, observed(lab, "blue"), "not desired");
            failsWith(Reason.NOT_RELEASED, () -> lab.target.execute(unplug, TIMEOUT))
                    .hasMessageContaining("prod/web-01 nic blue");
            assertThat(unplug.verifiedBy(lab.observe())).isFalse();
            assertThat(lab.pacer.slept()).isGreaterThanOrEqualTo(TIMEOUT);
        }
    }

    @Test
    void withoutTheControllerTheGuestLetsGoButTheEntryStaysUntilAMigration() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5).withDynamicNetworks(false))) {
            UnplugNic unplug = new UnplugNic(WEB01, observed(lab, "blue"), "not desired");
            lab.target.execute(unplug, TIMEOUT);
            assertThat(unplug.verifiedBy(lab.observe())).isTrue();
            lab.sim.settle();
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/domain/devices/interfaces").toString())
                    .contains("absent");
        }
    }

    @Test
    void theLinkGoesDownAndUpAgainInPlace() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5))) {
            NicSpec blue = observed(lab, "blue");
            SetLink down = new SetLink(WEB01, blue, LinkState.UP, LinkState.DOWN, true, "desired down");
            lab.target.execute(down, TIMEOUT);
            assertThat(lab.nic("blue").live().link()).isEqualTo(LinkState.DOWN);
            assertThat(lab.nic("blue").persistent().link()).isEqualTo(LinkState.DOWN);
            assertThat(down.verifiedBy(lab.observe())).isTrue();

            SetLink up = (SetLink) down.inverse().orElseThrow();
            lab.target.execute(up, TIMEOUT);
            assertThat(up.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/domain/devices/interfaces/1").has("state"))
                    .isFalse();
        }
    }

    @Test
    void linkStateBeforeV1_5IsRefusedWithoutWriting() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(3))) {
            SetLink down = new SetLink(WEB01, observed(lab, "blue"), LinkState.UP, LinkState.DOWN, true, "d");
            failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(down, TIMEOUT))
                    .hasMessageContaining("v1.5");
            assertThat(lab.writes()).isZero();
        }
    }

    @Test
    void aStoppedVmLosesTheEntryOutright() throws Exception {
        try (Lab lab = Lab.stopped(SimConfig.v1(6))) {
            UnpersistNic unpersist = new UnpersistNic(WEB01, observed(lab, "blue"), "not desired");
            lab.target.execute(unpersist, TIMEOUT);
            assertThat(unpersist.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.sim.vm("prod", "web-01").at("/spec/template/spec/networks").toString())
                    .doesNotContain("blue");
        }
    }

    @Test
    void thePodNetworkIsNeverUnplugged() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            UnplugNic unplug = new UnplugNic(WEB01, observed(lab, "default"), "d");
            failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(unplug, TIMEOUT))
                    .hasMessageContaining("prod/web-01 nic default");
            assertThat(lab.writes()).isZero();
        }
    }
}
