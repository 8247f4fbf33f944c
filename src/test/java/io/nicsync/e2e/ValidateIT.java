package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nicsync validate} on real repositories that the real git client pushed to. */
class ValidateIT {

    @TempDir
    Path dir;

    @Test
    void theExampleRepositoryValidatesCleanThroughTheLauncher() throws Exception {
        Path root = Project.root();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/nicsync").toString(),
                "validate", "--repo", root.resolve("examples/desired-state").toString())
                .redirectErrorStream(true);
        // The build under test is the one Maven just made; the launcher must not rebuild it.
        pb.environment().putAll(Map.of("NICSYNC_NO_BUILD", "1"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("0 errors");
    }

    @Test
    void aPushedMistakeIsReportedWithFileLineAndColumnAndTheCommit() throws IOException {
        GitRepos git = GitRepos.create(dir);
        git.copyTree(Project.root().resolve("examples/desired-state"), "fleet");
        String good = git.commitAndPush("fleet: desired NICs");
        git.tag("v1");

        Cli ok = Cli.run("validate", "--repo", git.url(), "--path", "fleet");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains(good.substring(0, 12)).contains("Ada Operator");

        git.write("fleet/broken.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata:
                  name: broken-01
                  target: lab
                spec:
                  nics:
                    - name: uplink
                      network:
                        brige: br-lab0
                """);
        git.write("fleet/multicast.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata:
                  name: multicast-01
                  target: lab
                spec:
                  nics:
                    - name: uplink
                      network: {bridge: br-lab0}
                      mac: "01:00:5e:00:00:01"
                """);
        String bad = git.commitAndPush("fleet: a typo and a multicast MAC");

        Cli invalid = Cli.run("validate", "--repo", git.url(), "--path", "fleet");
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(1);
        assertThat(invalid.out())
                .contains(bad.substring(0, 12))
                .containsPattern("fleet/broken.yaml:10:9: error: .*brige")
                .containsPattern("fleet/multicast.yaml:10:12: error: .*multicast")
                .contains("2 errors");

        Cli json = Cli.run("validate", "--repo", git.url(), "--path", "fleet", "-o", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.path("commit").asText()).isEqualTo(bad);
        assertThat(report.path("diagnostics")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.path("diagnostics").get(0).path("file").asText()).isEqualTo("fleet/broken.yaml");

        Cli tagged = Cli.run("validate", "--repo", git.url(), "--path", "fleet", "--ref", "v1");
        assertThat(tagged.exitCode()).as(tagged.toString()).isZero();
        assertThat(tagged.out()).contains(good.substring(0, 12));
    }
}
