package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the engine would refuse, found before anything changes, every problem at once. */
class PreflightTest {

    @Test
    void aGoodPlanPasses() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            assertThat(lab.target.preflight(List.of(new AddNic(OvirtLab.vm("web-01"), OvirtLab.nic("eth1", "lab-a"),
                    "t"), new PersistNic(OvirtLab.vm("web-02"), OvirtLab.nic("eth1", "lab-far"), null, "t"))))
                    .as("a network the host lacks does not matter to a VM that is down").isEmpty();
        }
    }

    @Test
    void everyProblemIsNamed() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.engine.change(s -> s.vmByName("quiet").orElseThrow().status = "paused");
            var web = OvirtLab.vm("web-01");
            var nic1 = lab.observe("web-01").nic("nic1").orElseThrow();
            List<Step> steps = List.of(
                    new AddNic(web, OvirtLab.nic("a", "lab-nowhere"), "t"),
                    new AddNic(web, OvirtLab.nic("b", "lab-far"), "t"),
                    new PersistNic(web, new NicSpec("nic1", nic1.mac(), nic1.live().network(), "e1000", null,
                            LinkState.UP, null), nic1.persistent(), "t"),
                    new AddNic(OvirtLab.vm("quiet"), OvirtLab.nic("c", "lab-a"), "t"));
            assertThat(lab.target.preflight(steps)).satisfiesExactlyInAnyOrder(
                    p -> assertThat(p).startsWith("web-01/a: no vNIC profile vnicProfile lab-nowhere/lab-nowhere in"
                            + " the VM's data center (profiles there: lab-a/lab-a, lab-a/mirrored"),
                    p -> assertThat(p).isEqualTo("web-01/b: the network lab-far is not on the host the VM runs on, so"
                            + " the engine cannot plug a NIC into it (ACTIVATE_DEACTIVATE_NETWORK_NOT_IN_VDS)"),
                    p -> assertThat(p).isEqualTo("web-01/nic1: model virtio -> e1000 on a plugged NIC of a running VM:"
                            + " the engine refuses it (CANNOT_PERFORM_HOT_UPDATE)"),
                    p -> assertThat(p).isEqualTo("quiet: the VM is paused: the engine changes NICs only of a VM that"
                            + " is up or down"));
        }
    }

    @Test
    void moreNicsThanTheVmsPciDevicesTake() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            int free = lab.observe("web-01").capacity().freeSlots();
            List<Step> adds = new ArrayList<>();
            for (int i = 0; i <= free; i++) {
                adds.add(new AddNic(OvirtLab.vm("web-01"), OvirtLab.nic("x" + i, "lab-a"), "t"));
            }
            assertThat(lab.target.preflight(adds)).singleElement().asString()
                    .contains((free + 1) + " NIC(s) to hotplug but room for only " + free)
                    .contains("of the engine's 26 PCI devices free");
        }
    }
}
