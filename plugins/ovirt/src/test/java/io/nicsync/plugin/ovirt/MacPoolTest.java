package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.plugin.ovirt.sim.EngineState;
import io.nicsync.plugin.ovirt.sim.Fixtures;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's MAC pool: a MAC in use is refused unless the pool allows duplicates, and a full pool has none left. */
class MacPoolTest {
    private static final MacAddress WEB02S = MacAddress.parse("56:6f:1a:00:00:02");

    private static NicSpec withMac(String name, MacAddress mac) {
        return new NicSpec(name, mac, Networks.profile("lab-a", "lab-a"), "virtio", null, LinkState.UP, null);
    }

    @Test
    void aMacAnotherVmHasIsRefusedAndPreflightSaysSoFirst() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            var add = new AddNic(OvirtLab.vm("web-01"), withMac("eth1", WEB02S), "test");
            assertThat(lab.target.preflight(List.of(add))).singleElement().asString()
                    .contains("MAC 56:6f:1a:00:00:02 is in use by web-02/nic1").contains("NETWORK_MAC_ADDRESS_IN_USE");
            assertThatThrownBy(() -> lab.target.execute(add, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
                        assertThat(e.getMessage()).contains("MAC Address 56:6f:1a:00:00:02 is already in use by VM or"
                                + " snapshot: web-02");
                    });
        }
    }

    @Test
    void aPoolThatAllowsDuplicatesTakesIt() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.engine.change(s -> s.macPool.allowDuplicates = true);
            var add = new AddNic(OvirtLab.vm("web-01"), withMac("eth1", WEB02S), "test");
            assertThat(lab.target.preflight(List.of(add))).isEmpty();
            assertThat(lab.apply(add).nic("eth1").orElseThrow().mac()).isEqualTo(WEB02S);
        }
    }

    @Test
    void aFullPoolHasNoMacForANewNic() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.engine.change(s -> { // two MACs, both taken by the NICs of web-01 and web-02
                s.macPool.first = 0x566f_1a00_0001L;
                s.macPool.last = 0x566f_1a00_0002L;
            });
            assertThatThrownBy(() -> lab.target.execute(new AddNic(OvirtLab.vm("web-01"), OvirtLab.nic("eth1",
                    "lab-a"), "test"), Duration.ofSeconds(5))).isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NO_CAPACITY);
                        assertThat(e.getMessage()).contains("MAC_POOL_NOT_ENOUGH_MAC_ADDRESSES");
                    });
        }
    }

    /**
     * MACs are unique within a MAC pool: an unplugged NIC of a cluster with another pool may have the same one. A
     * plugged one may not: the engine plugs no NIC whose MAC a plugged NIC of any VM has.
     */
    @Test
    void aMacAnUnpluggedNicOfAnotherMacPoolHasIsNoConflictAPluggedOneIs() throws Exception {
        var state = Fixtures.standard();
        Fixtures.ownMacPool(state, "Other");
        var far = Fixtures.vm(state, "far-01", "down", "Other");
        far.nics.add(new EngineState.Nic("far-nic1", "nic1", "virtio", "56:6f:1a:00:00:44", null, true, false));
        far.nics.add(new EngineState.Nic("far-nic2", "nic2", "virtio", "56:6f:1a:00:00:45", null, true, true));
        try (OvirtLab lab = OvirtLab.of(state, java.util.Map.of())) {
            var add = new AddNic(OvirtLab.vm("web-01"), withMac("eth1", MacAddress.parse("56:6f:1a:00:00:44")), "t");
            assertThat(lab.target.preflight(List.of(add))).isEmpty();
            assertThat(lab.apply(add).nic("eth1").orElseThrow().mac().value()).isEqualTo("56:6f:1a:00:00:44");

            var plugged = new AddNic(OvirtLab.vm("web-01"), withMac("eth2", MacAddress.parse("56:6f:1a:00:00:45")),
                    "t");
            assertThat(lab.target.preflight(List.of(plugged))).singleElement().asString().isEqualTo("web-01/eth2: MAC"
                    + " 56:6f:1a:00:00:45 is that of far-01/nic2, plugged, and the engine plugs no NIC whose MAC a"
                    + " plugged NIC has, and the MAC pool allows no duplicates (NETWORK_MAC_ADDRESS_IN_USE)");
            assertThatThrownBy(() -> lab.target.execute(plugged, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.getMessage())
                            .contains("MAC Address 56:6f:1a:00:00:45 is already in use by VM or snapshot: far-01"));
        }
    }

    /** Two VMs a plan gives the same new MAC: the second add would be refused, so preflight says so first. */
    @Test
    void twoNicsOnePlanGivesTheSameMacAreAConflict() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            MacAddress mac = MacAddress.parse("56:6f:1a:00:00:55");
            var web = OvirtLab.vm("web-01");
            List<io.nicsync.spi.Step> steps = List.of(
                    new io.nicsync.spi.PersistNic(web, withMac("eth1", mac), null, "t"),
                    new AddNic(web, withMac("eth1", mac), "t"),
                    new AddNic(OvirtLab.vm("quiet"), withMac("eth1", mac), "t"));
            assertThat(lab.target.preflight(steps)).singleElement().asString()
                    .isEqualTo("quiet/eth1: MAC 56:6f:1a:00:00:55 is also given to web-01/eth1 by this plan, and the"
                            + " MAC pool allows no duplicates (NETWORK_MAC_ADDRESS_IN_USE)");
        }
    }
}
