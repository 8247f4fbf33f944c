package io.nicsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.VmResult;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.VmRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle's report names no credential wherever it says a URL: not in its error, not in a VM's error under
 * {@code apply} or {@code recovered}, not in its diagnostics. {@code /status}, {@code last-run.json} and
 * {@code reconcile -o json} are all this document.
 */
class RunReportRedactionTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final List<String> SECRETS = List.of("ghp_T0KEN", "s3cret", "SAS-SIG", "glpat-x");

    @TempDir
    Path dir;

    private static RunReport report() {
        VmRef web = VmRef.of("lab", "web-01");
        VmRef db = VmRef.of("lab", "db-01");
        AddNic add = new AddNic(web, new NicSpec("uplink", null, NetworkRef.named("bridge", "br0"), null, null,
                LinkState.UP, null), "test");
        ApplyReport applied = new ApplyReport(List.of(
                new VmResult.RolledBack(web, add, "POST https://ghp_T0KEN@api.example.org/vms: 500", 0, List.of(),
                        null),
                new VmResult.FailedLeft(db, add, "refused", List.of(add), null,
                        "GET https://backup.example.net/x?sv=1&sig=SAS-SIG: timeout")));
        ApplyReport recovered = new ApplyReport(List.of(new VmResult.NotStarted(db,
                "cannot open qemu+ssh://root:s3cret@hv1.example.org/system")));
        return new RunReport(T0, T0.plusSeconds(2), RunOutcome.LEFT_CHANGED, null, null, false, 2, 1, null, Map.of(),
                List.of(recovered), applied, "run-1", "cannot push to https://bot:glpat-x@git.example.org/nics.git",
                List.of("nicsync.yaml:3:5: error: https://ghp_T0KEN@example.org is not allowed"));
    }

    @Test
    void theDocumentHidesTheCredentialsOfEveryUrlInIt() throws Exception {
        String json = report().toJson();
        JsonNode doc = new ObjectMapper().readTree(json);

        assertThat(json).doesNotContain(SECRETS);
        assertThat(doc.path("apply").path("vms").get(0).path("error").asText())
                .isEqualTo("POST https://***@api.example.org/vms: 500");
        assertThat(doc.path("apply").path("vms").get(1).path("observeError").asText())
                .isEqualTo("GET https://backup.example.net/x?sv=1&sig=***: timeout");
        assertThat(doc.path("recovered").get(0).path("vms").get(0).path("why").asText())
                .isEqualTo("cannot open qemu+ssh://***@hv1.example.org/system");
        assertThat(doc.path("error").asText()).isEqualTo("cannot push to https://***@git.example.org/nics.git");
        assertThat(doc.path("diagnostics").get(0).asText()).contains("https://***@example.org");
    }

    @Test
    void lastRunJsonKeepsNoCredential() throws Exception {
        new LastRunFile(dir).write(report());

        assertThat(Files.readString(dir.resolve("reconcile/last-run.json"))).contains("https://***@api.example.org")
                .doesNotContain(SECRETS);
    }
}
