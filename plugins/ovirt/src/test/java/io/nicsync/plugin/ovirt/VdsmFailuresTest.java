package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * VDSM's failures come back as failed steps that name the engine's error and VDSM's code, and leave the NIC as it
 * was: the engine takes a failed command back (its compensation).
 */
class VdsmFailuresTest {

    @Test
    void aHotplugVdsmCannotDoIsError49AndLeavesNoNicBehind() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            assertThatThrownBy(() -> lab.target.execute(new AddNic(OvirtLab.vm("web-01"),
                    OvirtLab.nic("eth9", "lab-broken"), "test"), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                        assertThat(e.getMessage()).contains("web-01/eth9: adding it: the engine refused: [Failed to"
                                + " activate VM Network Interface.] (ACTIVATE_NIC_FAILED (VDSM error 49), HTTP 400)");
                    });
            assertThat(lab.observe("web-01").nic("eth9")).as("the addition was taken back").isEmpty();
        }
    }

    @Test
    void aDeviceUpdateVdsmCannotDoIsError56AndChangesNothing() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            LiveNic nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            lab.engine.failNext("web-01", "UPDATE_VNIC_FAILED");
            assertThatThrownBy(() -> lab.target.execute(new SetLink(OvirtLab.vm("web-01"), nic1.live(), LinkState.UP,
                    LinkState.DOWN, true, "test"), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.getMessage())
                            .contains("Failed to update VM Network Interface").contains("VDSM error 56"));
            assertThat(lab.observe("web-01").nic("nic1").orElseThrow().live().link()).isEqualTo(LinkState.UP);
        }
    }

    @Test
    void aNetworkTheHostLacksIsRefusedBeforeVdsm() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            assertThatThrownBy(() -> lab.target.execute(new AddNic(OvirtLab.vm("web-01"),
                    OvirtLab.nic("eth9", "lab-far"), "test"), Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                        assertThat(e.getMessage()).contains("ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS")
                                .contains("HTTP 409");
                    });
            assertThat(lab.observe("web-01").nic("eth9")).isEmpty();
        }
    }
}
