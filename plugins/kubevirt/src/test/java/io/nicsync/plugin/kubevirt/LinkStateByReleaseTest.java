package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Failing.failsWith;
import static io.nicsync.plugin.kubevirt.Lab.TIMEOUT;
import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException.Reason;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the capabilities promise about link state is what the target does, on every release: where they say
 * a NIC cannot be down, neither a live change nor a template write gets it there; where they say it can, the
 * live change applies and verifies.
 */
class LinkStateByReleaseTest {

    @ParameterizedTest(name = "KubeVirt v1.{0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void aLinkDownIsEitherRefusedUpFrontWithTheReleaseOrAppliedLive(int minor) throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(minor))) {
            LiveVm vm = lab.observe();
            NicSpec blue = vm.nic("blue").orElseThrow().current();
            NicSpec down = blue.withLink(LinkState.DOWN);
            Optional<String> refusal = lab.target.capabilities().unsupported(vm, down);

            if (minor < 5) {
                assertThat(refusal).hasValueSatisfying(why -> assertThat(why)
                        .contains("needs KubeVirt v1.5").contains("the cluster runs v1." + minor));
                assertThat(lab.target.capabilities().canSetLinkLive(blue)).isFalse();
                failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(
                        new PersistNic(WEB01, down, blue, "desired down"), TIMEOUT));
                failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(
                        new SetLink(WEB01, blue, LinkState.UP, LinkState.DOWN, true, "desired down"), TIMEOUT));
                assertThat(lab.writes()).isZero();
                assertThat(lab.nic("blue").persistent().link()).isEqualTo(LinkState.UP);
            } else {
                assertThat(refusal).isEmpty();
                assertThat(lab.target.capabilities().canSetLinkLive(blue)).isTrue();
                SetLink link = new SetLink(WEB01, blue, LinkState.UP, LinkState.DOWN, true, "desired down");
                lab.target.execute(link, TIMEOUT);
                assertThat(link.verifiedBy(lab.observe())).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "KubeVirt v1.{0}")
    @ValueSource(ints = {5, 9})
    void anSriovNicCannotBeDownOnAnyRelease(int minor) throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(minor))) {
            LiveVm vm = lab.observe();
            NicSpec vf = new NicSpec("vf", null, Networks.multus("blue", "prod"), "virtio", "sriov", LinkState.DOWN,
                    null);
            assertThat(lab.target.capabilities().unsupported(vm, vf))
                    .hasValueSatisfying(why -> assertThat(why).contains("sriov"));
            assertThat(lab.target.capabilities().unsupported(vm, vf.withLink(LinkState.UP))).isEmpty();
        }
    }
}
