package io.nicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.VmResult;
import io.nicsync.spi.VmRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code apply -o json}: what it prints names no credential of a URL a VM's error quotes. */
class ReportViewTest {

    @Test
    void theJsonReportHidesCredentialsInUrls() {
        ApplyReport report = new ApplyReport(List.of(new VmResult.NotStarted(VmRef.of("lab", "web-01"),
                "cannot open https://ghp_T0KEN@api.example.org/x?sig=SAS-SIG")));
        StringWriter out = new StringWriter();

        ReportView.json(report, Map.of("plan", "https://bot:s3cret@git.example.org/nics.git"), new PrintWriter(out));

        assertThat(out.toString()).contains("cannot open https://***@api.example.org/x?sig=***",
                "https://***@git.example.org/nics.git").doesNotContain("ghp_T0KEN", "SAS-SIG", "s3cret");
    }
}
