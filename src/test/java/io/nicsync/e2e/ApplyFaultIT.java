package io.nicsync.e2e;

import static io.nicsync.e2e.DesiredRepo.bridge;
import static io.nicsync.e2e.DesiredRepo.nic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.Applier;
import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ExitCode;
import io.nicsync.apply.FailurePolicy;
import io.nicsync.apply.Sleeper;
import io.nicsync.apply.VmResult;
import io.nicsync.loop.ApplyRun;
import io.nicsync.plan.Plan;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real faults in the middle of an apply, and the rollback that follows: each test reads the guest's NICs
 * through virsh before the run and after it, and they must be equal. One kernel guest (acknowledges
 * unplug, so added NICs can be rolled back) and one guest without an OS (never acknowledges) serve all.
 */
class ApplyFaultIT {
    private static final ApplyOptions ONE_AT_A_TIME = new ApplyOptions(1, 1, FailurePolicy.ROLLBACK,
            Duration.ofSeconds(20), false);
    private static Guest kernel;
    private static Guest noOs;

    @TempDir
    Path dir;

    @BeforeAll
    static void boot() throws Exception {
        Lab.require();
        List<Guest> guests = Guest.started(Guest.Kind.KERNEL, Guest.Kind.NOOS);
        kernel = guests.get(0);
        noOs = guests.get(1);
    }

    @AfterAll
    static void remove() {
        Guest.closeAll(java.util.stream.Stream.of(kernel, noOs).filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void aBridgeDeletedAfterThePlanWasMadeIsCaughtByThePreflightAndNothingChanges() {
        try (Bridge doomed = Bridge.create()) {
            DesiredRepo repo = new DesiredRepo(dir.resolve("repo"));
            repo.vm(kernel.name, nic("pre-a", bridge(Lab.OTHER_BRIDGE)), nic("pre-b", bridge(doomed.name)))
                    .push("two NICs, the second on a bridge about to go");
            Path plan = dir.resolve("plan.json");
            Cli planned = Cli.run("plan", "--repo", repo.git.bare.toString(), "--out", plan.toString());
            assertThat(planned.exitCode()).as(planned.toString()).isZero();
            DomainNics before = kernel.nics();

            doomed.delete();
            Cli refused = Cli.run("apply", "--yes", "--state-dir", dir.resolve("state").toString(), plan.toString());

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).contains("preflight found 1 problem(s); nothing was changed")
                    .contains(kernel.name + "/pre-b").contains(doomed.name);
            assertThat(kernel.nics()).isEqualTo(before);
        }
    }

    @Test
    void aBridgeDeletedBetweenTwoStepsFailsTheSecondAndTheFirstIsRolledBack() throws Exception {
        try (Bridge doomed = Bridge.create(); InProcess app = InProcess.open(pushed(
                nic("mid-a", bridge(Lab.OTHER_BRIDGE)), nic("mid-b", bridge(doomed.name))))) {
            Plan plan = app.plan();
            DomainNics before = kernel.nics();
            ApplyListener deleteAfterFirstStep = new ApplyListener() {
                @Override
                public void stepDone(VmRef vm, int index, Step step) {
                    if (index == 0) {
                        doomed.delete();
                    }
                }
            };

            ApplyReport report = new ApplyRun(new ApplyRun.Settings(dir.resolve("state"), Duration.ZERO,
                    ONE_AT_A_TIME, "ApplyFaultIT", false), Clock.systemUTC(), Sleeper.REAL)
                    .run(plan, null, app.targets(), deleteAfterFirstStep).report();

            assertThat(report.exitCode()).as(report.toString()).isEqualTo(ExitCode.ROLLED_BACK.code());
            assertThat(report.vms()).singleElement().isInstanceOfSatisfying(VmResult.RolledBack.class, r -> {
                assertThat(r.failed().nic()).isEqualTo("mid-b");
                assertThat(r.error()).contains(doomed.name);
                assertThat(r.undone()).isEqualTo(1);
            });
            assertThat(kernel.nics()).as("the first NIC unplugged again").isEqualTo(before);
        }
    }

    @Test
    void anUnplugTheGuestNeverAcknowledgesFailsAtTheStepTimeoutAndTheLinkChangeBeforeItIsRolledBack()
            throws Exception {
        DesiredRepo repo = new DesiredRepo(dir.resolve("repo"));
        repo.vm(noOs.name, nic("stuck", bridge(Lab.OTHER_BRIDGE))).push("a NIC");
        Cli added = apply(repo);
        assertThat(added.exitCode()).as(added.toString()).isZero();
        DomainNics before = noOs.nics();
        assertThat(before.live("stuck")).isPresent();

        repo.vm(noOs.name, nic("stuck", bridge(Lab.OTHER_BRIDGE), "state: absent")).push("unplug it");
        long start = System.nanoTime();
        Cli failed = apply(repo, "--step-timeout", "8s", "-o", "json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        JsonNode vm = new ObjectMapper().readTree(failed.out()).path("vms").get(0);
        assertThat(vm.path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(vm.path("failedStep").asText()).isEqualTo("unplug stuck");
        assertThat(vm.path("error").asText()).contains("the guest did not release the device");
        assertThat(vm.path("undone").asInt()).as("the link change before the unplug").isEqualTo(1);
        // The report states the VM's exact state after the rollback, as the plugin observed it.
        assertThat(vm.path("state").toString())
                .contains("stuck " + before.live("stuck").orElseThrow().mac() + " bridge " + Lab.OTHER_BRIDGE
                        + " link up model virtio [live+persistent]");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        assertThat(noOs.nics()).as("link up again, still plugged and persistent").isEqualTo(before);
        System.out.printf("unacknowledged unplug: apply ended after %d ms:%n%s%n", took.toMillis(), failed.out());
    }

    @Test
    void aFaultAtAnyStepBeforeOrAfterItTookEffectRollsTheVmBackExactly() throws Exception {
        DesiredRepo repo = new DesiredRepo(dir.resolve("repo"));
        repo.vm(kernel.name, nic("k-a", bridge(Lab.BRIDGE))).push("starting point");
        assertThat(apply(repo).exitCode()).isZero();
        repo.vm(kernel.name,
                nic("k-a", bridge(Lab.OTHER_BRIDGE), "link: down"),
                nic("k-b", bridge(Lab.OTHER_BRIDGE), "model: e1000")).push("move, darken, add");
        DomainNics before = kernel.nics();

        try (InProcess app = InProcess.open(repo)) {
            int steps = app.plan().steps().size();
            assertThat(steps).as("repoint, add, link, persist twice").isGreaterThanOrEqualTo(5);
            for (int k = 1; k <= steps; k++) {
                for (boolean afterEffect : new boolean[] {false, true}) {
                    Plan plan = app.plan();
                    assertThat(plan.steps()).hasSize(steps);
                    FailingTarget faulty = new FailingTarget(app.targets().get("lab"), k, afterEffect);
                    ApplyReport report = new Applier(Map.of("lab", faulty), ONE_AT_A_TIME, new ApplyListener() { },
                            Clock.systemUTC(), Sleeper.REAL).apply(plan.steps());

                    String fault = "fault at step " + k + (afterEffect ? " after it took effect" : " before it ran");
                    assertThat(report.exitCode()).as(fault).isEqualTo(ExitCode.ROLLED_BACK.code());
                    assertThat(report.vms()).as(fault).singleElement().isInstanceOf(VmResult.RolledBack.class);
                    assertThat(kernel.nics()).as(fault).isEqualTo(before);
                }
            }
        }
    }

    private DesiredRepo pushed(String... nics) {
        DesiredRepo repo = new DesiredRepo(dir.resolve("repo"));
        repo.vm(kernel.name, nics).push("NICs");
        return repo;
    }

    private Cli apply(DesiredRepo repo, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("apply", "--yes", "--state-dir",
                dir.resolve("state").toString(), "--repo", repo.git.bare.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }
}
