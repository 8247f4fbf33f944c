package io.nicsync.plugin.ganeti;

import static io.nicsync.plugin.ganeti.Targets.REC1;
import static io.nicsync.plugin.ganeti.Targets.bridged;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightTest {
    private static final String MODIFY = "/2/instances/rec1\\.ganeti\\.test/modify";
    private final FakeTime time = new FakeTime();

    @Test
    void reportsEveryProblemAtOnceWithGanetisOwnAnswerForBridges() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-error-missing-bridge", "job-reboot-hard");
        NicSpec e1000 = new NicSpec("old", null, NetworkRef.named("bridge", "gnt-br0"), "e1000", null, LinkState.UP,
                null);
        List<Step> steps = List.of(
                new AddNic(REC1, bridged("a", "nosuchbr"), "t"),
                new AddNic(REC1, Targets.onNetwork("b", "nosuchnet"), "t"),
                new PersistNic(REC1, e1000, null, "t"),
                new SetLink(REC1, bridged("extra", "gnt-br0"), LinkState.UP, LinkState.DOWN, true, "t"));

        List<String> problems = Targets.over(rapi, time).preflight(steps);

        assertThat(problems).containsExactly(
                "rec1.ganeti.test/b: no Ganeti network nosuchnet (gnt-network list)",
                "rec1.ganeti.test/old: model e1000 is not the instance's nic_type paravirtual, which Ganeti applies to"
                        + " all its NICs",
                "rec1.ganeti.test/extra: Ganeti NICs have no link state",
                "rec1.ganeti.test: bridge nosuchbr: Ganeti refuses it: Error checking bridges on node"
                        + " 'vm.ganeti.test': Missing bridges nosuchbr (OpPrereqError, environment_error)");
        // the bridge checks were dry runs without hotplug: Ganeti 3.0.2 would hotplug for real in a dry run
        assertThat(rapi.writes()).hasSize(2).allSatisfy(w -> {
            assertThat(w.body().path("dry_run").asBoolean()).isTrue();
            assertThat(w.body().path("hotplug").asBoolean()).isFalse();
        });
    }

    @Test
    void capacityNicCountsAndMissingInstances() throws Exception {
        FakeRapi rapi = new FakeRapi()
                .instancesByName(Map.of("rec2.ganeti.test", Fixtures.renamed("instance-no-free-slot", "rec2.ganeti.test"),
                        "rec4.ganeti.test", Fixtures.renamed("instance-four-nics", "rec4.ganeti.test")))
                .jobs("PUT", "/2/instances/.*/modify", "job-reboot-hard");
        VmRef noSlot = VmRef.of("gnt", "rec2.ganeti.test");
        VmRef four = VmRef.of("gnt", "rec4.ganeti.test");
        List<Step> steps = List.of(
                new AddNic(noSlot, bridged("more", "gnt-br1"), "t"),
                new AddNic(VmRef.of("gnt", "gone.ganeti.test"), bridged("x", "gnt-br1"), "t"),
                new AddNic(four, bridged("n5", "gnt-br1"), "t"), new AddNic(four, bridged("n6", "gnt-br1"), "t"),
                new AddNic(four, bridged("n7", "gnt-br1"), "t"), new AddNic(four, bridged("n8", "gnt-br1"), "t"),
                new AddNic(four, bridged("n9", "gnt-br1"), "t"), new UnplugNic(four, bridged("eth0", "gnt-br0"), "t"),
                new PersistNic(four, bridged("n10", "gnt-br1"), null, "t"));

        List<String> problems = Targets.over(rapi, time).preflight(steps);

        assertThat(problems).containsExactly(
                "rec2.ganeti.test: 1 NIC(s) to hotplug but room for only 0 (0 of 32 PCI slots free (31 kept by"
                        + " kvm_pci_reservations, 1 NIC(s), 0 disk(s)); the configuration takes 0 more NIC(s) (at"
                        + " most 1))",
                // nor would it take the NIC at a restart: it could not start with two
                "rec2.ganeti.test: the steps leave 2 NICs in the configuration, but the instance cannot start with"
                        + " more than 1: QEMU's 32 PCI slots less 31 kept by kvm_pci_reservations and 0 for disks"
                        + " (Ganeti would refuse to start it: All slots occupied)",
                "gone.ganeti.test: no such instance on target gnt",
                // five hot-adds fit (four free, one freed by the unplug), but not a sixth NIC in the configuration
                "rec4.ganeti.test: the steps leave 9 NICs; Ganeti allows at most 8");
    }
}
