package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desired state of more VMs than nicsync looks up one by one, against the real lab: the plan opens the libvirt
 * target and lists its domains while the files validate, and uses that listing. The domains are defined and
 * stopped, so a change only rewrites their persistent definitions.
 */
class ManyDomainsIT {
    /** More than the VM files nicsync observes one by one ({@code Observation.LOOKUPS_UP_TO}). */
    private static final int DOMAINS = 10;
    private static final String BACKEND = DesiredRepo.nic("backend", "network: lab");

    @TempDir
    Path dir;

    @Test
    void theTargetIsListedWhileTheFilesValidateAndThePlanIsThatOfEachDomain() throws Exception {
        List<Guest> guests = Guest.defined(Guest.Kind.NOOS, DOMAINS);
        try {
            DesiredRepo repo = new DesiredRepo(dir.resolve("repo"));
            for (Guest g : guests) {
                repo.vm(g.name, BACKEND);
            }
            repo.push(DOMAINS + " domains, each with a NIC on the lab network");

            Cli plan = plan(repo);
            assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
            for (Guest g : guests) {
                assertThat(plan.out()).as(plan.toString()).contains(g.name);
            }
            assertThat(plan.out().lines().filter(l -> l.contains("~ persist backend (network lab, link up)")).count())
                    .as(plan.out()).isEqualTo(DOMAINS);

            Cli apply = Cli.run("apply", "--yes", "--repo", repo.url(), "--state-dir", dir.resolve("state").toString(),
                    "--cache-dir", dir.resolve("cache").toString());
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            for (Guest g : guests) {
                assertThat(g.nics().persistent("backend")).as(g.name).get()
                        .extracting(DomainNics.Nic::source).isEqualTo("network:lab");
            }
            Cli converged = plan(repo);
            assertThat(converged.exitCode()).as(converged.toString()).isZero();
            assertThat(converged.out()).contains("No changes.");

            // One domain changed by hand: the listing is read now, not kept from the last plan.
            Guest moved = guests.get(3);
            String mac = moved.nics().persistent("backend").orElseThrow().mac();
            Lab.virsh("domif-setlink", moved.name, mac, "down", "--config");
            Cli drifted = plan(repo);
            assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(2);
            assertThat(drifted.out()).contains(moved.name);
            for (Guest g : guests) {
                if (g != moved) {
                    assertThat(drifted.out()).as(drifted.toString()).doesNotContain(g.name);
                }
            }

            // A VM file naming a domain libvirt does not have: missing from the listing as from a lookup.
            repo.vm("it-e2e-nosuch", BACKEND).push("a VM that is not there");
            Cli missing = plan(repo);
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
            assertThat(missing.err()).contains("it-e2e-nosuch");

            // An invalid file: the validation decides, and the target opened early reports nothing.
            repo.git.write("vms/it-e2e-nosuch.yaml", """
                    apiVersion: nicsync.io/v1alpha1
                    kind: VmNics
                    metadata: {name: it-e2e-nosuch, target: lab}
                    spec:
                      nics:
                        - name: backend
                          network: {network: lab, bridge: br-lab0}
                    """);
            repo.git.commitAndPush("an invalid VM file");
            Cli invalid = plan(repo);
            assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
            assertThat(invalid.err()).contains("vms/it-e2e-nosuch.yaml:7:").doesNotContain("qemu:///system");
        } finally {
            Guest.closeAll(guests);
        }
    }

    private Cli plan(DesiredRepo repo) {
        return Cli.run("plan", "--detailed-exitcode", "--repo", repo.url(), "--cache-dir",
                dir.resolve("cache").toString());
    }
}
