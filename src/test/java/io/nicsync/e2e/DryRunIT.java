package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --dry-run} against the real lab: every preflight problem at once, and nothing changed. It only
 * reads the shared lab guests, so it needs none of its own.
 */
class DryRunIT {

    @TempDir
    Path dir;

    static String dumpxml(String domain) throws Exception {
        Process p = new ProcessBuilder("virsh", "-c", "qemu:///system", "dumpxml", domain).start();
        String xml = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("the libvirt lab is not up: run scripts/lab.sh up as root").isTrue();
        return xml;
    }

    @Test
    void everyPreflightProblemIsReportedAtOnceAndNothingChanges() throws Exception {
        String kernelBefore = dumpxml("lab-kernel");
        String noosBefore = dumpxml("lab-noos");
        GitRepos git = GitRepos.create(dir);
        git.write("nicsync.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - {name: lab, kind: libvirt, uri: "qemu:///system"}
                """);
        git.write("kernel.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: lab-kernel, target: lab}
                spec:
                  nics:
                    - name: dry-a
                      network: {bridge: br-nosuch0}
                """);
        git.write("noos.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: lab-noos, target: lab}
                spec:
                  nics:
                    - name: dry-b
                      network: {network: nosuch-net}
                """);
        git.commitAndPush("NICs on a bridge and a network that do not exist");

        Cli dry = Cli.run("apply", "--dry-run", "--repo", git.url(), "--state-dir", dir.resolve("state").toString());

        assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(1);
        assertThat(dry.out())
                .contains("Preflight: ")
                .contains("br-nosuch0")
                .contains("nosuch-net")
                .contains("Nothing was changed (--dry-run)");
        assertThat(dumpxml("lab-kernel")).isEqualTo(kernelBefore);
        assertThat(dumpxml("lab-noos")).isEqualTo(noosBefore);

        Cli apply = Cli.run("apply", "--yes", "--repo", git.url(), "--state-dir", dir.resolve("state").toString());
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.err()).contains("preflight found 2 problem(s); nothing was changed");
        assertThat(dumpxml("lab-kernel")).isEqualTo(kernelBefore);
    }
}
