package io.nicsync.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.VmResult;
import io.nicsync.spi.VmRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusNoteTextTest {

    private static final Instant AT = Instant.parse("2026-11-22T05:40:12.345Z");

    @Test
    void oneLineForTheRunOneForEachVmAndTheSummary() {
        ApplyReport report = new ApplyReport(List.of(
                new VmResult.Applied(VmRef.of("lab", "web-01"), 3, List.of()),
                new VmResult.NotStarted(VmRef.of("lab", "db-01"), "the run stopped after 1 failed VM")));

        String entry = StatusNoteText.entry("apply", AT, "deploy-1", new ApplyRun.Outcome(List.of(), report, "r-1"));

        assertThat(entry).isEqualTo("""
                nicsync apply: failed, rolled back, 2026-11-22T05:40:12Z on deploy-1, run r-1
                  lab/web-01: applied (3 step(s))
                  lab/db-01: not started: the run stopped after 1 failed VM
                  Apply: 1 applied, 0 rolled back, 0 failed and left changed, 1 not started.
                """);
    }

    @Test
    void aNoteTravelsWithTheRepositorySoNoErrorPutsACredentialInIt() {
        VmRef vm = VmRef.of("lab", "web-01");
        ApplyReport report = new ApplyReport(List.of(new VmResult.NotStarted(vm,
                "cannot reach https://ghp_T0KEN@api.example.org/x?sig=abc")));

        String entry = StatusNoteText.entry("apply", AT, "h", new ApplyRun.Outcome(List.of(), report, "r-3"));

        assertThat(entry).contains("https://***@api.example.org/x?sig=***").doesNotContain("ghp_T0KEN", "abc");
    }

    @Test
    void saysWhenInterruptedRunsWereRecoveredFirst() {
        ApplyReport report = new ApplyReport(List.of(new VmResult.Applied(VmRef.of("lab", "web-01"), 1, List.of())));

        String entry = StatusNoteText.entry("reconcile", AT, "h", new ApplyRun.Outcome(List.of(report), report, "r-2"));

        assertThat(entry).startsWith("nicsync reconcile: applied, 2026-11-22T05:40:12Z on h, run r-2\n"
                + "  recovered 1 interrupted run(s) first\n");
    }
}
