package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.VmResult;
import io.nicsync.plan.Plan;
import io.nicsync.plugin.kubevirt.ReleaseTable.Outcome;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.RestartRequired;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of NIC change on every KubeVirt release the plugin supports (v1.0 to v1.9), planned by nicsync's
 * planner on the simulated cluster and applied by its applier: either every planned step applies and verifies, or
 * the plan says up front that the release cannot make the change and plans nothing. Never a planned step that apply
 * refuses. On a cluster with every NIC feature of its release, the outcome is the one the README's release table
 * gives, cell by cell.
 */
class ReleaseMatrixTest {
    static final int NEWEST = 9;
    private static final Map<Integer, Map<ChangeKind, Outcome>> README = ReleaseTable.read();

    static Stream<Arguments> everyReleaseAndChange() {
        return IntStream.rangeClosed(0, NEWEST).boxed()
                .flatMap(minor -> Stream.of(ChangeKind.values()).map(kind -> Arguments.of(minor, kind)));
    }

    static Stream<Arguments> releasesWithTheHotplugGate() {
        return IntStream.rangeClosed(0, 3).boxed()
                .flatMap(minor -> Stream.of(ChangeKind.values()).map(kind -> Arguments.of(minor, kind)));
    }

    @Test
    void theTableCoversEveryReleaseAndEveryChange() {
        assertThat(README.keySet()).containsExactlyElementsOf(IntStream.rangeClosed(0, NEWEST).boxed().toList());
        README.forEach((minor, row) -> assertThat(row.keySet()).as("v1.%d", minor)
                .containsExactlyInAnyOrder(ChangeKind.values()));
    }

    @ParameterizedTest(name = "v1.{0}: {1}")
    @MethodSource("everyReleaseAndChange")
    void withEveryNicFeatureOfTheReleaseTheOutcomeIsTheReadmes(int minor, ChangeKind change) throws Exception {
        Outcome outcome = planApplyAndConverge(SimConfig.v1(minor), change, true);
        assertThat(outcome).as("v1.%d %s, as the README's release table says", minor, change)
                .isEqualTo(README.get(minor).get(change));
    }

    @ParameterizedTest(name = "v1.{0}: {1}")
    @MethodSource("everyReleaseAndChange")
    void withoutTheDynamicNetworksControllerNothingPlannedIsRefused(int minor, ChangeKind change) throws Exception {
        planApplyAndConverge(SimConfig.v1(minor).withDynamicNetworks(false), change, true);
    }

    @ParameterizedTest(name = "v1.{0}: {1}")
    @MethodSource("releasesWithTheHotplugGate")
    void withoutTheHotplugGateNothingPlannedIsRefused(int minor, ChangeKind change) throws Exception {
        Outcome outcome = planApplyAndConverge(SimConfig.v1(minor).withHotplugGate(false), change, true);
        assertThat(outcome).as("nothing changes live without the gate").isNotEqualTo(Outcome.LIVE);
    }

    @ParameterizedTest(name = "v1.{0}: {1}")
    @MethodSource("everyReleaseAndChange")
    void aStoppedVmTakesEveryChangeIntoItsTemplate(int minor, ChangeKind change) throws Exception {
        Outcome outcome = planApplyAndConverge(SimConfig.v1(minor), change, false);
        boolean noLinkState = change == ChangeKind.LINK && minor < 5;
        assertThat(outcome).isEqualTo(noLinkState ? Outcome.REFUSED : Outcome.LIVE);
    }

    @Test
    void onV1_8WithoutItsGateAMoveByMigrationWaitsForARestartAsBeforeV1_8() throws Exception {
        SimConfig v1_8 = SimConfig.v1(8).withDynamicNetworks(false);
        assertThat(planApplyAndConverge(v1_8, ChangeKind.MOVE, true)).isEqualTo(Outcome.LIVE);
        assertThat(planApplyAndConverge(v1_8.withNadRefGate(false), ChangeKind.MOVE, true))
                .isEqualTo(Outcome.RESTART);
    }

    /**
     * Plans {@code change} for web-01 and applies it twice, as a user would: restarts not allowed, then allowed.
     * Either the plan has steps, and both applies go through with every step verified, after which nothing is left
     * to do; or it has none and a warning naming the release. Returns which of the three outcomes it was: made
     * live, needing a restart (a stopped VM's template change counts as live), or refused.
     */
    private static Outcome planApplyAndConverge(SimConfig config, ChangeKind change, boolean running)
            throws Exception {
        try (Lab lab = Lab.of(config, change.vm(), running)) {
            PlanAndApply nicsync = new PlanAndApply(lab, change.desired());
            Plan plan = nicsync.plan();
            if (plan.steps().isEmpty()) {
                assertThat(PlanAndApply.warnings(plan)).as("why nothing is planned").singleElement().asString()
                        .contains("the cluster runs " + "v1." + config.minor());
                assertThat(nicsync.apply(plan, true)).isNull();
                assertThat(lab.writes()).isZero();
                return Outcome.REFUSED;
            }
            assertThat(PlanAndApply.warnings(plan)).as("warnings of %s", plan.steps()).isEmpty();

            VmResult first = nicsync.apply(plan, false);
            assertThat(first).as("apply of %s without restarts: %s", plan.steps(), first)
                    .isInstanceOf(VmResult.Applied.class);
            Plan rest = nicsync.plan();
            assertThat(rest.steps()).as("what is left of %s without restarts", plan.steps())
                    .allMatch(RestartRequired.class::isInstance);

            VmResult second = nicsync.apply(rest, true);
            assertThat(second == null || second instanceof VmResult.Applied).as("apply of %s: %s", rest.steps(), second)
                    .isTrue();
            assertThat(nicsync.plan().steps()).as("converged").isEmpty();
            if (change == ChangeKind.FIRST_NIC && running) {
                podNicSurvivesARestart(lab, nicsync);
            }
            return PlanAndApply.restarts(plan.steps()) ? Outcome.RESTART : Outcome.LIVE;
        }
    }

    /** The pod network KubeVirt gave the VM is still there after its next start, beside the new NIC. */
    private static void podNicSurvivesARestart(Lab lab, PlanAndApply nicsync) throws Exception {
        lab.sim.restart("prod", "web-01");
        LiveNic pod = lab.nic(DefaultPodNic.NAME);
        assertThat(pod).as("the pod NIC after a restart").isNotNull();
        assertThat(pod.live()).isNotNull();
        assertThat(pod.live().network()).isEqualTo(Networks.pod());
        assertThat(lab.nic("blue").live()).isNotNull();
        assertThat(nicsync.plan().steps()).isEmpty();
    }
}
