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

    @TempDir
    Path dir;

    @Test
    void theTargetIsListedWhileTheFilesValidateAndThePlanIsThatOfEachDomain() throws Exception {
        List<Guest> guests = Guest.defined(Guest.Kind.NOOS, DOMAINS);
        try {
            GitRepos git = GitRepos.create(dir);
            git.write("nicsync.yaml", """
                    apiVersion: nicsync.io/v1alpha1
                    kind: Config
                    targets:
                      - {name: lab, kind: libvirt, uri: "qemu:///system"}
                    """);
            for (Guest g : guests) {
                git.write("vms/" + g.name + ".yaml", vm(g.name, "network: {network: lab}"));
            }
            git.commitAndPush(DOMAINS + " domains, each with a NIC on the lab network");

            Cli plan = plan(git);
            assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
            for (Guest g : guests) {
                assertThat(plan.out()).as(plan.toString()).contains(g.name);
            }
            assertThat(plan.out().lines().filter(l -> l.contains("~ persist backend (network lab, link up)")).count()).as(plan.out())
                    .isEqualTo(DOMAINS);

            Cli apply = Cli.run("apply", "--yes", "--repo", git.url(), "--state-dir", dir.resolve("state").toString(),
                    "--cache-dir", dir.resolve("cache").toString());
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            for (Guest g : guests) {
                assertThat(g.nics().persistent("backend")).as(g.name).get()
                        .extracting(DomainNics.Nic::source).isEqualTo("network:lab");
            }
            Cli converged = plan(git);
            assertThat(converged.exitCode()).as(converged.toString()).isZero();
            assertThat(converged.out()).contains("No changes.");

            // One domain changed by hand: the listing is read now, not kept from the last plan.
            Guest moved = guests.get(3);
            String mac = moved.nics().persistent("backend").orElseThrow().mac();
            Lab.virsh("domif-setlink", moved.name, mac, "down", "--config");
            Cli drifted = plan(git);
            assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(2);
            assertThat(drifted.out()).contains(moved.name);
            for (Guest g : guests) {
                if (g != moved) {
                    assertThat(drifted.out()).as(drifted.toString()).doesNotContain(g.name);
                }
            }

            // A VM file naming a domain libvirt does not have: missing from the listing as from a lookup.
            git.write("vms/it-e2e-nosuch.yaml", vm("it-e2e-nosuch", "network: {network: lab}"));
            git.commitAndPush("a VM that is not there");
            Cli missing = plan(git);
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
            assertThat(missing.err()).contains("it-e2e-nosuch");

            // An invalid file: the validation decides, and the target opened early reports nothing.
            git.write("vms/it-e2e-nosuch.yaml", """
                    apiVersion: nicsync.io/v1alpha1
                    kind: VmNics
                    metadata: {name: it-e2e-nosuch, target: lab}
                    spec:
                      nics:
                        - name: backend
                          network: {network: lab, bridge: br-lab0}
                    """);
            git.commitAndPush("an invalid VM file");
            Cli invalid = plan(git);
            assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
            assertThat(invalid.err()).contains("vms/it-e2e-nosuch.yaml:7:").doesNotContain("qemu:///system");
        } finally {
            Guest.closeAll(guests);
        }
    }

    private Cli plan(GitRepos git) {
        return Cli.run("plan", "--detailed-exitcode", "--repo", git.url(), "--cache-dir",
                dir.resolve("cache").toString());
    }

    private static String vm(String name, String network) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: %s, target: lab}
                spec:
                  nics:
                    - name: backend
                      %s
                """.formatted(name, network);
    }
}
