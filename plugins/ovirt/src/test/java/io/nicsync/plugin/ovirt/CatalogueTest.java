package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.ovirt.sim.EngineState;
import io.nicsync.plugin.ovirt.sim.Fixtures;
import io.nicsync.spi.AddNic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue that names NICs' networks (profiles, networks, clusters) is read when a batch of observations starts,
 * a plan's listing or an apply's preflight, not for every VM read within it; a VM it does not name is read with the
 * catalogue read anew, so nothing is hidden.
 */
class CatalogueTest {

    @Test
    void readsOfOneVmWithinABatchListNoCatalogue() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.target.observeAll();
            int before = catalogueReads(lab);
            for (int i = 0; i < 5; i++) {
                lab.observe("web-01");
            }
            assertThat(catalogueReads(lab)).isEqualTo(before);
            lab.target.preflight(List.of(new AddNic(OvirtLab.vm("web-01"), OvirtLab.nic("eth1", "lab-a"), "t")));
            assertThat(catalogueReads(lab)).as("an apply reads it anew").isEqualTo(before + 1);
            lab.target.observeAll();
            assertThat(catalogueReads(lab)).as("so does a plan").isEqualTo(before + 2);
        }
    }

    @Test
    void aProfileMadeSinceTheCatalogueWasReadIsNamed() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.target.observeAll();
            lab.engine.change(s -> {
                var profile = new EngineState.Profile("new-profile-id", "fresh", s.profileIn(s.dataCenterOf(
                        s.vmByName("web-01").orElseThrow()), "lab-a", "lab-a").orElseThrow().networkId(), false, false);
                s.profiles.put(profile.id(), profile);
                Fixtures.nic(s, s.vmByName("web-01").orElseThrow(), "eth7", "56:6f:1a:00:00:77", "lab-a").profileId =
                        profile.id();
            });
            assertThat(lab.observe("web-01").nic("eth7").orElseThrow().live().network())
                    .isEqualTo(Networks.profile("lab-a", "fresh"));
        }
    }

    private static int catalogueReads(OvirtLab lab) {
        return (int) lab.engine.requests().stream().filter(r -> r.equals("GET /ovirt-engine/api/vnicprofiles")).count();
    }
}
