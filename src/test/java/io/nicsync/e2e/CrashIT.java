package io.nicsync.e2e;

import static io.nicsync.e2e.DesiredRepo.bridge;
import static io.nicsync.e2e.DesiredRepo.nic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/nicsync apply} killed with SIGKILL in the middle of a plan on two kernel guests: the target
 * lock names the killed process while it lives, and {@code nicsync recover} (or the next apply) puts both
 * guests back exactly as they were before the run, as virsh reports them.
 *
 * <p>To kill at a known point, the QEMU of the guest the plan reaches second is frozen before the apply
 * starts: the apply finishes the first guest's steps, then waits inside libvirt on the frozen guest at the
 * latest at its first hotplug there. That is mid-plan, for as long as the test needs.
 */
class CrashIT {
    private static List<Guest> guests;

    @TempDir
    Path dir;
    private DesiredRepo repo;
    private Path state;

    @BeforeAll
    static void boot() throws Exception {
        Lab.require();
        guests = Guest.started(Guest.Kind.KERNEL, Guest.Kind.KERNEL);
    }

    @AfterAll
    static void remove() {
        if (guests != null) {
            Guest.closeAll(guests);
        }
    }

    @BeforeEach
    void baseline() {
        repo = new DesiredRepo(dir.resolve("repo"));
        state = dir.resolve("state");
    }

    @Test
    void recoverRollsBackARunKilledMidPlanWhoseLockNamedItsPid() throws Exception {
        Map<Guest, DomainNics> before = prepare("one");
        Launcher killed = killMidPlan("one", true);

        Cli recovered = Launcher.run(dir.resolve("recover.out"), "recover", "--state-dir", state.toString());
        assertThat(recovered.exitCode()).as(recovered.toString()).isIn(0, 3);
        assertThat(recovered.out()).contains("was interrupted").contains("rolled back");
        assertThat(observe()).as("every guest as before the killed run").isEqualTo(before);
        assertThat(Journal.only(state).orElseThrow().text()).contains("recovered: rolled back");

        Cli again = Launcher.run(dir.resolve("recover-again.out"), "recover", "--state-dir", state.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("No interrupted apply to recover.");
        assertThat(killed.process().isAlive()).isFalse();
    }

    @Test
    void theNextApplyRecoversAKilledRunFirstAndThenAppliesThePlan() throws Exception {
        Map<Guest, DomainNics> before = prepare("two");
        killMidPlan("two", false);
        assertThat(observe()).as("the killed run left changes").isNotEqualTo(before);

        Cli next = Cli.run("apply", "--yes", "--parallelism", "1", "--state-dir", state.toString(),
                "--repo", repo.git.bare.toString());
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("Recovered an interrupted earlier run first:")
                .contains("Apply: 2 applied");
        for (Guest g : guests) {
            DomainNics now = g.nics();
            assertThat(now.live("two-b")).as("%s: added by the next apply", g).isPresent();
            assertThat(now.persistent("two-b")).isPresent();
            assertThat(now.live("two-a").orElseThrow().link()).isEqualTo("down");
        }
        Cli plan = Cli.run("plan", "--detailed-exitcode", "--repo", repo.git.bare.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
    }

    /** Applies the starting point (one NIC per guest), pushes the change to crash in; returns the NICs before it. */
    private Map<Guest, DomainNics> prepare(String prefix) {
        for (Guest g : guests) {
            repo.vm(g.name, nic(prefix + "-a", bridge(Lab.BRIDGE)));
        }
        repo.push("starting point");
        Cli start = Cli.run("apply", "--yes", "--state-dir", dir.resolve("setup-state").toString(),
                "--repo", repo.git.bare.toString());
        assertThat(start.exitCode()).as(start.toString()).isZero();
        Map<Guest, DomainNics> before = observe();

        for (Guest g : guests) {
            // Each guest gets hotplugs, which wait on the QEMU of a frozen guest.
            repo.vm(g.name,
                    nic(prefix + "-a", bridge(Lab.OTHER_BRIDGE), "link: down"),
                    nic(prefix + "-b", bridge(Lab.OTHER_BRIDGE), "model: e1000"),
                    nic(prefix + "-c", bridge(Lab.BRIDGE)));
        }
        repo.push("two more NICs each, and the first one moves and goes dark");
        return before;
    }

    /**
     * Starts the apply, waits until it has finished steps on the first guest and started one on the frozen
     * second, checks that a second apply meanwhile fails naming its pid (when asked), and kills it.
     */
    private Launcher killMidPlan(String prefix, boolean contendForTheLock) throws Exception {
        Guest second = secondInPlan();
        Launcher apply = null;
        try (Guest.Frozen frozen = second.freeze()) {
            apply = Launcher.start(dir.resolve(prefix + "-apply.out"), "apply", "--yes", "--parallelism", "1",
                    "--state-dir", state.toString(), "--repo", repo.git.bare.toString());
            Journal journal = awaitJournal(apply, j -> j.count("step-done") >= 1 && j.started("step-started",
                    "lab/" + second.name));
            if (contendForTheLock) {
                Cli contender = Launcher.run(dir.resolve(prefix + "-contender.out"), "apply", "--yes",
                        "--lock-timeout", "2s", "--state-dir", state.toString(), "--repo", repo.git.bare.toString());
                assertThat(contender.exitCode()).as(contender.toString()).isEqualTo(1);
                assertThat(contender.out()).contains("target lab is locked by another apply: pid " + apply.pid() + " ");
            }
            assertThat(journal.count("run-finished")).as(journal.text()).isZero();
            apply.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            apply.process().waitFor();
        } finally {
            if (apply != null && apply.process().isAlive()) { // a failed check above must not leave it running
                apply.process().destroyForcibly().waitFor();
            }
        }
        Journal journal = Journal.only(state).orElseThrow();
        assertThat(journal.count("run-finished")).as("killed before the end: " + journal.text()).isZero();
        assertThat(journal.count("step-done")).isGreaterThanOrEqualTo(1);
        return apply;
    }

    private Journal awaitJournal(Launcher apply, java.util.function.Predicate<Journal> reached)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            var journal = Journal.only(state);
            if (journal.isPresent() && reached.test(journal.get())) {
                return journal.get();
            }
            if (!apply.process().isAlive()) {
                throw new AssertionError("apply ended before the point to kill it: " + apply.output()
                        + journal.map(Journal::text).orElse("(no journal)"));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("apply did not reach the frozen guest in 120 s: " + apply.output());
    }

    /** The guest whose steps the plan runs second (with parallelism 1, VMs run in plan order). */
    private Guest secondInPlan() throws Exception {
        Cli plan = Cli.run("plan", "-o", "json", "--repo", repo.git.bare.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isIn(0, 2);
        String first = new ObjectMapper().readTree(plan.out()).path("steps").get(0).path("vm").path("name").asText();
        return guests.stream().filter(g -> !g.name.equals(first)).findFirst().orElseThrow();
    }

    private static Map<Guest, DomainNics> observe() {
        Map<Guest, DomainNics> nics = new java.util.LinkedHashMap<>();
        guests.forEach(g -> nics.put(g, g.nics()));
        return nics;
    }
}
