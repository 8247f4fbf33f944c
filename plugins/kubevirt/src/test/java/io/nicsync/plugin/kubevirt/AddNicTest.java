package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Failing.failsWith;
import static io.nicsync.plugin.kubevirt.Lab.TIMEOUT;
import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static io.nicsync.plugin.kubevirt.Lab.bridge;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.TargetException.Reason;
import org.junit.jupiter.api.Test;

class AddNicTest {

    @Test
    void aNicIsPluggedInPlaceThroughTheTemplateAndVerifiedFromTheDomain() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            AddNic add = new AddNic(WEB01, bridge("red", "red"), "desired");
            assertThat(add.verifiedBy(lab.observe())).isFalse();

            lab.target.execute(add, TIMEOUT);

            LiveNic red = lab.nic("red");
            assertThat(red.live().network()).isEqualTo(Networks.multus("red", "prod"));
            assertThat(red.persistent()).isNotNull();
            assertThat(red.mac()).isNotNull();
            assertThat(add.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.cluster.writes().all()).singleElement()
                    .satisfies(w -> assertThat(w.method()).isEqualTo("PATCH"));
        }
    }

    @Test
    void aStoppedVmGetsTheNicInItsTemplateAndBootsWithIt() throws Exception {
        try (Lab lab = Lab.stopped(SimConfig.v1(6))) {
            PersistNic persist = new PersistNic(WEB01, bridge("red", "red"), null, "desired");
            lab.target.execute(persist, TIMEOUT);
            assertThat(persist.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.nic("red").live()).isNull();
            assertThat(lab.pacer.slept()).isZero();

            lab.sim.start("prod", "web-01");
            assertThat(lab.nic("red").live()).isNotNull();
        }
    }

    @Test
    void persistingANicAlreadyThereUnderItsQualifiedNadNameWritesNothing() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            var blue = bridge("blue", "prod/blue").withMac(MacAddress.parse("52:54:00:12:34:56"));
            PersistNic persist = new PersistNic(WEB01, blue, null, "desired");
            lab.target.execute(persist, TIMEOUT);
            assertThat(lab.writes()).isZero();
        }
    }

    @Test
    void aStaleResourceVersionIsReadAgainAndThePatchRetried() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            lab.cluster.interfereWithNextPatches(2);
            lab.target.execute(new AddNic(WEB01, bridge("red", "red"), "desired"), TIMEOUT);

            assertThat(lab.nic("red").live()).isNotNull();
            assertThat(lab.cluster.writes().refusals()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo(422));
            assertThat(lab.sim.vm("prod", "web-01").at("/metadata/annotations/example.com~1touched-by").asText())
                    .isEqualTo("someone-else");
        }
    }

    @Test
    void aConflictAnsweredUnderContentionIsRetriedToo() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            lab.cluster.contendWithNextPatches(1);
            lab.target.execute(new AddNic(WEB01, bridge("red", "red"), "desired"), TIMEOUT);
            assertThat(lab.nic("red").live()).isNotNull();
            assertThat(lab.cluster.writes().refusals()).singleElement()
                    .satisfies(r -> assertThat(r.code()).isEqualTo(409));
        }
    }

    @Test
    void aVmThatKeepsChangingEndsInAConflict() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            lab.cluster.interfereWithNextPatches(VmPatcher.ATTEMPTS);
            failsWith(Reason.CONFLICT, () -> lab.target.execute(new AddNic(WEB01, bridge("red", "red"), "d"), TIMEOUT))
                    .hasMessageContaining("prod/web-01 nic red");
            assertThat(lab.nic("red")).isNull();
        }
    }

    @Test
    void noFreePlaceholderMeansNoCapacityAndNothingIsWritten() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5))) {
            lab.sim.createNad("prod", "green");
            lab.target.execute(new AddNic(WEB01, bridge("red", "red"), "d"), TIMEOUT);
            lab.target.execute(new AddNic(WEB01, bridge("green", "green"), "d"), TIMEOUT);
            assertThat(lab.observe().capacity().freeSlots()).isZero();
            int writes = lab.writes();

            AddNic third = new AddNic(WEB01, bridge("pink", "blue"), "d");
            failsWith(Reason.NO_CAPACITY, () -> lab.target.execute(third, TIMEOUT))
                    .hasMessageContaining("4 reserved interface placeholders");
            assertThat(lab.writes()).isEqualTo(writes);
        }
    }

    @Test
    void aMacChangeOfAPluggedNicIsWrittenForTheNextStartAsKubevirtTakesIt() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            MacAddress before = lab.nic("blue").live().mac();
            var blue = bridge("blue", "blue").withMac(MacAddress.parse("52:54:00:ff:ff:ff"));
            PersistNic persist = new PersistNic(WEB01, blue, lab.nic("blue").persistent(), "d");
            lab.target.execute(persist, TIMEOUT);
            lab.sim.settle();

            assertThat(persist.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.nic("blue").live().mac()).as("the running VM keeps its MAC").isEqualTo(before);
            assertThat(lab.sim.vm("prod", "web-01").path("status").path("conditions").toString())
                    .contains("RestartRequired");
            lab.sim.restart("prod", "web-01");
            assertThat(lab.nic("blue").live().mac()).isEqualTo(blue.mac());
        }
    }

    @Test
    void theRolloutStrategyDoesNotHoldAHotplugBack() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5).withLiveUpdateRollout(false))) {
            AddNic add = new AddNic(WEB01, bridge("red", "red"), "d");
            lab.target.execute(add, TIMEOUT);
            assertThat(add.verifiedBy(lab.observe())).isTrue();
        }
    }

    @Test
    void thePodNetworkAndMasqueradeCannotBeHotplugged() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            var pod = new NicSpec("extra", null, NetworkRef.of("pod"), "virtio", "masquerade",
                    LinkState.UP, null);
            failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(new AddNic(WEB01, pod, "d"), TIMEOUT));
            assertThat(lab.writes()).isZero();
        }
    }
}
