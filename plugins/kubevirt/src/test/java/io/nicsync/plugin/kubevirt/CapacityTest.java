package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimCluster;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.Target;
import org.junit.jupiter.api.Test;

/** Placeholder capacity as the plugin reads it from VMs the simulated releases booted (two NICs each). */
class CapacityTest {

    private static HotplugCapacity capacity(SimConfig config, String memory) throws Exception {
        try (SimCluster cluster = SimCluster.start(config)) {
            var vm = Fixtures.web01();
            vm.withObjectProperty("spec").withObjectProperty("template").withObjectProperty("spec").withObjectProperty("domain").withObjectProperty("memory").put("guest", memory);
            cluster.sim().createVm(vm);
            cluster.sim().start("prod", "web-01");
            try (Target target = KubevirtPlugin.open("lab", cluster.client(), HotplugSetting.AUTO,
                    new SimPacer(cluster.sim()))) {
                return target.observe(Lab.WEB01).capacity();
            }
        }
    }

    @Test
    void upToV1_5FourPlaceholdersLessTheInterfaces() throws Exception {
        assertThat(capacity(SimConfig.v1(5), "1Gi").freeSlots()).isEqualTo(2);
    }

    @Test
    void v1_6PoolsEightPortsOrSixteenAboveTwoGibibytes() throws Exception {
        assertThat(capacity(SimConfig.v1(6), "1Gi").freeSlots()).isEqualTo(6);
        assertThat(capacity(SimConfig.v1(6), "4Gi").freeSlots()).isEqualTo(14);
    }

    @Test
    void fromV1_8TheSlotCountAnnotationIsRead() throws Exception {
        HotplugCapacity capacity = capacity(SimConfig.v1(8), "1Gi");
        assertThat(capacity.freeSlots()).isEqualTo(6);
        assertThat(capacity.detail()).contains(PlaceholderCapacity.SLOT_COUNT);
    }
}
