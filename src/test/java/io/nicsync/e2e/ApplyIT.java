package io.nicsync.e2e;

import static io.nicsync.e2e.DesiredRepo.bridge;
import static io.nicsync.e2e.DesiredRepo.nic;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.e2e.DomainNics.Nic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code git push}, {@code nicsync apply}, and the guest's NICs as libvirt itself reports them equal what
 * was pushed; the next plan is empty. One kernel guest serves every test; each test declares NICs of its
 * own names, and the others' are unmanaged (ignored) NICs to it.
 */
class ApplyIT {
    private static Guest guest;

    @TempDir
    Path dir;

    @BeforeAll
    static void boot() throws Exception {
        Lab.require();
        guest = Guest.started(Guest.Kind.KERNEL).getFirst();
    }

    @AfterAll
    static void remove() {
        if (guest != null) {
            guest.close();
        }
    }

    @Test
    void pushedNicsAreAddedPersistedRelinkedRepointedAndUnpluggedAndThenThereIsNothingToDo() {
        DesiredRepo repo = new DesiredRepo(dir.resolve("repo"));
        repo.vm(guest.name,
                nic("front", bridge(Lab.BRIDGE), "model: virtio"),
                nic("back", bridge(Lab.OTHER_BRIDGE), "model: e1000")).push("two NICs");

        Cli first = apply("--repo", repo.url());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Apply: 1 applied, 0 rolled back");
        DomainNics added = guest.nics();
        Nic front = inBoth(added, "front");
        assertThat(front).extracting(Nic::source, Nic::model, Nic::link)
                .containsExactly("bridge:" + Lab.BRIDGE, "virtio", "up");
        assertThat(inBoth(added, "back")).extracting(Nic::source, Nic::model, Nic::link)
                .containsExactly("bridge:" + Lab.OTHER_BRIDGE, "e1000", "up");
        assertNothingToDo(repo);

        repo.vm(guest.name,
                nic("front", bridge(Lab.OTHER_BRIDGE), "model: virtio", "link: down"),
                nic("back", bridge(Lab.OTHER_BRIDGE), "model: e1000", "state: absent")).push("front moves, back goes");

        Cli second = apply("--repo", repo.url());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        DomainNics changed = guest.nics();
        assertThat(inBoth(changed, "front"))
                .as("repointed in place: same device, same MAC")
                .isEqualTo(new Nic("ua-front", front.mac(), "bridge:" + Lab.OTHER_BRIDGE, "virtio", "down"));
        assertThat(changed.live("back")).as("unplugged, the kernel guest let go").isEmpty();
        assertThat(changed.persistent("back")).isEmpty();
        assertNothingToDo(repo);
    }

    @Test
    void aSavedPlanIsAppliedAsSavedAndRefusedOnceTheVmChangedBehindItsBack() {
        DesiredRepo repo = new DesiredRepo(dir.resolve("repo"));
        repo.vm(guest.name, nic("saved", bridge(Lab.OTHER_BRIDGE))).push("one NIC, planned ahead");
        Path planFile = dir.resolve("add.plan.json");
        Cli plan = Cli.run("plan", "--repo", repo.url(), "--cache-dir", cache(), "--out", planFile.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(guest.nics().live("saved")).as("plan changes nothing").isEmpty();

        Path applyCache = dir.resolve("apply-cache");
        Cli applied = Cli.run("apply", "--yes", "--state-dir", dir.resolve("state").toString(),
                "--cache-dir", applyCache.toString(), planFile.toString());
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applyCache).as("the plan's own repository is fetched into --cache-dir").isDirectory();
        Nic saved = inBoth(guest.nics(), "saved");
        assertThat(saved.link()).isEqualTo("up");
        assertNothingToDo(repo);

        repo.vm(guest.name, nic("saved", bridge(Lab.OTHER_BRIDGE), "link: down")).push("carrier off");
        Path stalePlan = dir.resolve("link.plan.json");
        assertThat(Cli.run("plan", "--repo", repo.url(), "--cache-dir", cache(), "--out", stalePlan.toString())
                .exitCode()).isZero();
        // Someone changes the guest by hand after the plan was made.
        Lab.virsh("domif-setlink", guest.name, saved.mac(), "down", "--config");
        DomainNics byHand = guest.nics();

        Cli refused = apply(stalePlan.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("plan is stale: lab/" + guest.name + " changed since the plan was made");
        assertThat(guest.nics()).as("a refused plan changes nothing").isEqualTo(byHand);
    }

    private Cli apply(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("apply", "--yes", "--state-dir", dir.resolve("state").toString(),
                "--cache-dir", cache()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private String cache() {
        return dir.resolve("cache").toString();
    }

    private void assertNothingToDo(DesiredRepo repo) {
        Cli plan = Cli.run("plan", "--detailed-exitcode", "--repo", repo.url(), "--cache-dir", cache());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
    }

    /** The NIC as the live and the persistent definition both have it: one NIC, the same in each. */
    private static Nic inBoth(DomainNics nics, String name) {
        Nic live = nics.live(name).orElseThrow(() -> new AssertionError(name + " not plugged: " + nics));
        assertThat(nics.persistent(name)).as("%s in the persistent definition", name).contains(live);
        return live;
    }
}
