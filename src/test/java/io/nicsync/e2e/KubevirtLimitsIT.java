package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** What web-01 cannot have live: no placeholder left, a NAD that does not exist, hotplug gated off. */
class KubevirtLimitsIT extends KubevirtScenarioIT {
    private static final String THREE_NICS = DesiredState.bridgeNic("red", "red")
            + DesiredState.bridgeNic("green", "green") + DesiredState.bridgeNic("extra", "blue");

    @Test
    void aNicBeyondTheFreePlaceholdersNeedsARestartThatIsNotMadeWithoutAllowRestart() {
        // v1.5 reserves 4 interface placeholders; web-01 boots with 2, so 2 can be hotplugged
        cluster(SimConfig.v1(5)).running().connect(dir);
        String vmiUid = kubevirt.vmi().at("/metadata/uid").asText();
        push(THREE_NICS);

        Cli plan = plan();
        assertThat(plan.out()).contains("+ add red").contains("+ add green").contains("! restart required")
                .contains("extra").contains("1 need restart");
        Cli apply = apply("--yes");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("restarts are not allowed (policy.allowRestart: false)")
                .contains("a restart is required for the rest (allowRestart is false)");

        assertThat(kubevirt.attached("red")).isTrue();
        assertThat(kubevirt.attached("green")).isTrue();
        // extra waits in the template for the next boot; the guest does not have it
        assertThat(kubevirt.templateInterface("extra").has("bridge")).isTrue();
        assertThat(kubevirt.attached("extra")).isFalse();
        assertThat(kubevirt.vmi().at("/metadata/uid").asText()).isEqualTo(vmiUid);
        assertThat(kubevirt.vm().at("/status/stateChangeRequests").isMissingNode()).isTrue();
        // only the restart is left, and it stays in the plan until someone allows it
        Cli again = plan();
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.out()).contains("! restart required").doesNotContain("+ add");
    }

    @Test
    void aMissingNadIsReportedByTheDryRunAndNothingIsWritten() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        String resourceVersion = kubevirt.vm().at("/metadata/resourceVersion").asText();
        push(DesiredState.bridgeNic("red", "nosuch"));

        Cli dry = apply("--dry-run");

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(dry.out()).contains("Preflight: 1 problem(s)").contains("nosuch")
                .contains("Nothing was changed (--dry-run)");
        assertThat(kubevirt.cluster().writes().all()).isEmpty();
        assertThat(kubevirt.vm().at("/metadata/resourceVersion").asText()).isEqualTo(resourceVersion);
    }

    @Test
    void withTheHotplugGateOffOnV1_0ANicWaitsInTheTemplateForTheNextStart() {
        cluster(SimConfig.v1(0).withHotplugGate(false)).running().connect(dir);
        push(DesiredState.bridgeNic("red", "red"));

        Cli plan = plan();
        assertThat(plan.out()).as(plan.toString()).contains("~ persist red").contains("! restart required")
                .doesNotContain("+ add red");
        Cli apply = apply("--yes");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("restarts are not allowed").doesNotContain("FAILED");
        // a template write (v1.0's addinterface needs the gate), which KubeVirt boots the VM with next time
        assertThat(kubevirt.cluster().writes().all()).singleElement()
                .satisfies(w -> assertThat(w.method()).isEqualTo("PATCH"));
        assertThat(kubevirt.templateInterface("red").has("bridge")).isTrue();
        assertThat(kubevirt.vmiInterface("red").isMissingNode()).isTrue();
        assertThat(plan().out()).contains("! restart required").doesNotContain("~ persist");
    }
}
