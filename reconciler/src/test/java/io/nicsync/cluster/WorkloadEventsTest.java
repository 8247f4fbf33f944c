package io.nicsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.VmResult;
import io.nicsync.notify.Outbox;
import io.nicsync.reconcile.RunOutcome;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.Snapshot;
import io.nicsync.spi.VmRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failed cycle as a Warning Event on nicsync's Deployment, on fabric8's mock API server. */
class WorkloadEventsTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");
    private static final Snapshot HEAD = new Snapshot("3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345", "Ada", T0, "main", "",
            List.of());
    private static final EventSettings SETTINGS = EventSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST",
            "10.96.0.1", "POD_NAMESPACE", "nicsync", "POD_NAME", "nicsync-6c9d7b-x2kq4",
            "NICSYNC_WORKLOAD", "Deployment/nicsync")).orElseThrow();

    @Test
    void aFailedCycleIsAWarningOnTheDeploymentAndTheSameFailureAgainCountsOnIt() throws Exception {
        List<String> warnings = new ArrayList<>();
        try (LeaseServer server = new LeaseServer()) {
            Outbox outbox = new Outbox("events-test", 10);
            WorkloadEvents events = new WorkloadEvents(server.client("nicsync-6c9d7b-x2kq4"), SETTINGS, outbox,
                    Clock.fixed(T0, ZoneOffset.UTC), warnings::add);

            events.finished(report(RunOutcome.NO_CHANGES, null, null));
            events.finished(report(RunOutcome.ERROR, null,
                    "cannot fetch https://nicsync:glpat-s3cr3t@git.example.org/ops/nics.git: timeout"));
            events.finished(report(RunOutcome.ERROR, null,
                    "cannot fetch https://nicsync:glpat-s3cr3t@git.example.org/ops/nics.git: timeout"));
            events.finished(report(RunOutcome.ROLLED_BACK, new ApplyReport(List.of(new VmResult.RolledBack(
                    VmRef.of("lab", "web-01"), null, "x", 0, List.of(), null))), null));
            outbox.close(Duration.ofSeconds(30));

            List<Event> stored = server.client("admin").v1().events().inNamespace("nicsync").list().getItems();
            assertThat(stored).hasSize(2).allSatisfy(e -> {
                assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("apps/v1");
                assertThat(e.getInvolvedObject().getKind()).isEqualTo("Deployment");
                assertThat(e.getInvolvedObject().getName()).isEqualTo("nicsync");
                assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("nicsync");
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo("ReconcileFailed");
                assertThat(e.getReportingInstance()).isEqualTo("nicsync-6c9d7b-x2kq4");
                assertThat(e.getLastTimestamp()).isEqualTo("2026-05-06T07:08:09Z");
            });
            Event error = stored.stream().filter(e -> e.getMessage().startsWith("error")).findFirst().orElseThrow();
            assertThat(error.getMessage()).isEqualTo("error at commit 3f2a9c1b7d4e: cannot fetch "
                    + "https://***@git.example.org/ops/nics.git: timeout");
            assertThat(error.getCount()).isEqualTo(2);
            Event rolledBack = stored.stream().filter(e -> e.getMessage().startsWith("rolled-back")).findFirst()
                    .orElseThrow();
            assertThat(rolledBack.getMessage()).isEqualTo("rolled-back at commit 3f2a9c1b7d4e: Apply: 0 applied, "
                    + "1 rolled back, 0 failed and left changed, 0 not started.");
            assertThat(rolledBack.getCount()).isEqualTo(1);
            assertThat(server.requests()).filteredOn(r -> !r.replica().equals("admin"))
                    .extracting(LeaseServer.Request::method).containsExactly("POST", "POST", "PATCH", "POST");
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void eventsAreRecordedOnlyInAPodThatSaysItsNamespace() {
        assertThat(EventSettings.fromEnvironment(Map.of("POD_NAMESPACE", "nicsync"))).as("not in a pod").isEmpty();
        assertThat(EventSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"))).isEmpty();
        assertThat(EventSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "POD_NAMESPACE", "nicsync", "NICSYNC_EVENTS", "false"))).isEmpty();
        EventSettings vmsOnly = EventSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "POD_NAMESPACE", "nicsync", "HOSTNAME", "nicsync-29nq")).orElseThrow();
        assertThat(vmsOnly.workload()).isNull();
        assertThat(vmsOnly.instance()).isEqualTo("nicsync-29nq");
        assertThat(EventSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "POD_NAMESPACE", "nicsync", "NICSYNC_WORKLOAD", "CronJob/nicsync")).orElseThrow().workload())
                .isEqualTo(new EventSettings.Workload("batch/v1", "CronJob", "nicsync"));
        assertThatThrownBy(() -> EventSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "POD_NAMESPACE", "nicsync", "NICSYNC_WORKLOAD", "StatefulSet/nicsync")))
                .hasMessageContaining("NICSYNC_WORKLOAD must be Deployment/NAME or CronJob/NAME");
    }

    private static RunReport report(RunOutcome outcome, ApplyReport apply, String error) {
        return new RunReport(T0, T0.plusSeconds(2), outcome, HEAD, null, false, 1, 1, null, Map.of(), List.of(),
                apply, apply == null ? null : "run-1", error, List.of());
    }
}
