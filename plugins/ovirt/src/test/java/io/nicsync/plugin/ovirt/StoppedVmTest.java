package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanNote;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnpersistNic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A VM that is down takes configuration changes only: they come with it when it starts. */
class StoppedVmTest {

    @Test
    void nothingIsPluggedIntoAVmThatIsDown() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            assertThat(lab.observe("web-02").capacity().supported()).isFalse();
            assertThatThrownBy(() -> lab.target.execute(new AddNic(OvirtLab.vm("web-02"), OvirtLab.nic("eth1",
                    "lab-a"), "test"), Duration.ofSeconds(5))).isInstanceOfSatisfying(TargetException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
        }
    }

    @Test
    void itsPlanChangesTheConfigurationAndTheVmStartsWithIt() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            Plan plan = Plans.plan(lab, "web-02", Plans.nic("nic1", "lab-b", "e1000"), Plans.nic("eth1", "lab-a", null));
            assertThat(plan.steps()).allMatch(PersistNic.class::isInstance).hasSize(2);
            assertThat(plan.notes()).extracting(PlanNote::text).anySatisfy(t -> assertThat(t)
                    .contains("only its persistent definition changes"));
            Plans.apply(lab, plan);
            assertThat(lab.simNic("web-02", "nic1").iface).as("a model change is no problem while down")
                    .isEqualTo("e1000");
            assertThat(lab.simNic("web-02", "eth1").plugged).as("added to start with the VM").isTrue();
            assertThat(lab.observe("web-02").nic("eth1").orElseThrow().plugged()).isFalse();

            lab.engine.change(s -> {
                var vm = s.vmByName("web-02").orElseThrow();
                vm.status = "up";
                vm.hostId = s.hosts.keySet().iterator().next();
            });
            LiveNic eth1 = lab.observe("web-02").nic("eth1").orElseThrow();
            assertThat(eth1.plugged()).as("in the VM once it runs").isTrue();
            assertThat(Plans.plan(lab, "web-02", Plans.nic("nic1", "lab-b", "e1000"), Plans.nic("eth1", "lab-a", null))
                    .steps()).isEmpty();
        }
    }

    @Test
    void aPluggedNicOfAVmThatIsDownIsRemovedAtOnce() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            LiveNic nic1 = lab.observe("web-02").nic("nic1").orElseThrow();
            assertThat(lab.simNic("web-02", "nic1").plugged).isTrue();
            assertThat(lab.apply(new UnpersistNic(OvirtLab.vm("web-02"), nic1.persistent(), "test")).nic("nic1"))
                    .isEmpty();
            Plan plan = Plans.plan(lab, "web-02", Plans.absent("nic1", "ovirtmgmt"));
            assertThat(plan.steps()).isEmpty();
        }
    }

    /**
     * An unplugged NIC of a VM that is down stays unplugged when its configuration changes, and so when that change
     * is undone: a persist writes the configuration, not whether the VM starts with the NIC.
     */
    @Test
    void aPersistAndItsUndoKeepWhetherTheNicOfAVmThatIsDownIsPlugged() throws Exception {
        try (OvirtLab lab = OvirtLab.standard()) {
            lab.engine.change(s -> lab.simNic("web-02", "nic1").plugged = false);
            var vm = OvirtLab.vm("web-02");
            LiveNic nic1 = lab.observe("web-02").nic("nic1").orElseThrow();
            var e1000 = new io.nicsync.spi.NicSpec("nic1", nic1.mac(), nic1.persistent().network(), "e1000", null,
                    nic1.persistent().link(), null);
            PersistNic persist = new PersistNic(vm, e1000, nic1.persistent(), "test");
            lab.apply(persist);
            assertThat(lab.simNic("web-02", "nic1").iface).isEqualTo("e1000");
            assertThat(lab.simNic("web-02", "nic1").plugged).isFalse();
            lab.apply(persist.inverse().orElseThrow());
            assertThat(lab.simNic("web-02", "nic1").iface).isEqualTo("virtio");
            assertThat(lab.simNic("web-02", "nic1").plugged).as("unplugged, as it was").isFalse();
        }
    }
}
