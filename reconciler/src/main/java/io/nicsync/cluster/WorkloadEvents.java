package io.nicsync.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.nicsync.apply.ReportDocument;
import io.nicsync.notify.Outbox;
import io.nicsync.reconcile.CycleListener;
import io.nicsync.guard.Redaction;
import io.nicsync.reconcile.RunReport;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A failed cycle as a Warning Event on nicsync's own Deployment or CronJob ({@code kubectl events --for
 * deployment/nicsync}), reason {@code ReconcileFailed}, the outcome and why in its message. One Event per outcome:
 * the same failure again counts on it ({@code count}, {@code lastTimestamp}), as Kubernetes' own recorder does.
 * Written from an {@link Outbox}, never from the cycle's thread. Needs {@code events: create, patch}.
 */
public final class WorkloadEvents implements CycleListener {
    static final String REASON = "ReconcileFailed";
    private static final int LONGEST_MESSAGE = 1024;

    private final KubernetesClient client;
    private final EventSettings settings;
    private final Outbox outbox;
    private final Clock clock;
    private final Consumer<String> warn;
    /** What this process counted for each Event it wrote; touched by the outbox's one thread only. */
    private final Map<String, Integer> counts = new HashMap<>();

    public WorkloadEvents(KubernetesClient client, EventSettings settings, Outbox outbox, Clock clock,
            Consumer<String> warn) {
        this.client = client;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.warn = warn;
    }

    @Override
    public void finished(RunReport report) {
        if (report.exitCode() == 0 || settings.workload() == null) {
            return;
        }
        Event event = event(report);
        if (!outbox.offer(() -> record(event))) {
            warn.accept("event " + REASON + " dropped: too many events waiting");
        }
    }

    private void record(Event event) {
        var events = client.v1().events().inNamespace(settings.namespace());
        String name = event.getMetadata().getName();
        try {
            try {
                events.resource(event).create();
                counts.put(name, 1);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // the name holds this pod's: only an earlier run of this process wrote it, or a container it restarted
                int count = counts.merge(name, 2, (was, one) -> was + 1);
                mergePatch(name, "{\"lastTimestamp\":\"" + event.getLastTimestamp() + "\",\"count\":" + count
                        + ",\"message\":" + quoted(event.getMessage()) + "}");
            }
        } catch (KubernetesClientException e) {
            warn.accept("cannot record the event " + REASON + " on " + settings.workload().kind() + " "
                    + settings.workload().name() + ": " + e.getMessage());
        }
    }

    /**
     * A JSON merge patch of the Event, sent as it is: fabric8's own patch reads the object first, which would need
     * {@code get} on Events besides {@code create, patch}.
     */
    private void mergePatch(String name, String patch) {
        String url = client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/"
                + settings.namespace() + "/events/" + name;
        HttpClient http = client.getHttpClient();
        HttpResponse<String> response;
        try {
            response = http.sendAsync(http.newHttpRequestBuilder().uri(url)
                    .method("PATCH", "application/merge-patch+json", patch).build(), String.class)
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KubernetesClientException("patching the event " + name + ": " + e.getMessage(), e);
        }
        if (!response.isSuccessful()) {
            throw new KubernetesClientException("patching the event " + name + " answered " + response.code() + ": "
                    + response.body(), response.code(), null);
        }
    }

    private Event event(RunReport report) {
        EventSettings.Workload workload = settings.workload();
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String why = report.error() != null ? report.error()
                : report.applied() != null ? ReportDocument.summary(report.applied())
                : "exit code " + report.exitCode();
        String commit = report.head() == null ? "" : " at commit " + report.head().commitId().substring(0, 12);
        String message = Redaction.text(report.outcome().label() + commit + ": " + why);
        if (message.length() > LONGEST_MESSAGE) {
            message = message.substring(0, LONGEST_MESSAGE - 1) + "…";
        }
        return new EventBuilder()
                .withNewMetadata()
                .withName(workload.name() + "." + settings.instance() + "." + report.outcome().label())
                .withNamespace(settings.namespace()).addToLabels("app.kubernetes.io/managed-by", "nicsync")
                .endMetadata()
                .withNewInvolvedObject().withApiVersion(workload.apiVersion()).withKind(workload.kind())
                .withNamespace(settings.namespace()).withName(workload.name()).endInvolvedObject()
                .withType("Warning").withReason(REASON).withMessage(message)
                .withNewSource().withComponent("nicsync").withHost(settings.instance()).endSource()
                .withReportingComponent("nicsync.io/nicsync").withReportingInstance(settings.instance())
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
    }

    private static String quoted(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
