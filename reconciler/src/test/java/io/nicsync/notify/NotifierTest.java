package io.nicsync.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.VmResult;
import io.nicsync.reconcile.RunOutcome;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.Snapshot;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications to receivers on 127.0.0.1: one that takes them, one that answers 500, one that never answers, one
 * that answers 404. The waits between tries go through a recording sleeper: no test waits for a backoff.
 */
class NotifierTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final Snapshot HEAD = new Snapshot("3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345", "Ada <ada@example.org>",
            T0, "main", "", List.of());
    private static final VmRef WEB = VmRef.of("lab", "web<01>");

    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private Receiver receiver(Receiver r) {
        closing.add(r);
        return r;
    }

    private Notifier notifier(Duration timeout, int queue, Endpoint... endpoints) {
        Notifier n = new Notifier(new Notifier.Settings(List.of(endpoints), 4, Duration.ofSeconds(2), timeout, queue),
                "nicsync-0", slept::add, log::add);
        closing.add(n);
        return n;
    }

    @Test
    void aRunThatChangedVmsIsToldInNicsyncsJsonAndAsASlackMessage() throws Exception {
        Receiver hook = receiver(Receiver.answering(200));
        Receiver slack = receiver(Receiver.answering(200));
        Notifier notifier = notifier(Duration.ofSeconds(5), 10, new Endpoint(hook.url(), Endpoint.Format.JSON),
                new Endpoint(slack.url(), Endpoint.Format.SLACK));

        notifier.finished(applied());

        await(() -> notifier.sent() == 2);
        JsonNode doc = json.readTree(hook.bodies.getFirst());
        assertThat(doc.path("source").asText()).isEqualTo("nicsync");
        assertThat(doc.path("event").asText()).isEqualTo("changed");
        assertThat(doc.path("host").asText()).isEqualTo("nicsync-0");
        assertThat(doc.path("report").path("outcome").asText()).isEqualTo("applied");
        assertThat(doc.path("report").path("commit").asText()).isEqualTo(HEAD.commitId());
        assertThat(doc.path("text").asText()).isEqualTo("""
                nicsync on nicsync-0: applied at commit 3f2a9c1b7d4e (main)
                lab/web<01>: applied (2 step(s))
                Apply: 1 applied, 0 rolled back, 0 failed and left changed, 0 not started.""");
        JsonNode message = json.readTree(slack.bodies.getFirst());
        assertThat(message.properties()).extracting(Map.Entry::getKey).containsExactly("text");
        assertThat(message.path("text").asText()).startsWith("nicsync on nicsync-0: applied at commit 3f2a9c1b7d4e")
                .contains("lab/web&lt;01&gt;: applied (2 step(s))").doesNotContain("<");
    }

    @Test
    void aFailureIsToldOnceUntilACycleEndsOtherwise() throws Exception {
        Receiver hook = receiver(Receiver.answering(204));
        Notifier notifier = notifier(Duration.ofSeconds(5), 10, new Endpoint(hook.url(), Endpoint.Format.JSON));
        RunReport unreachable = failed("cannot fetch https://nicsync:glpat-s3cr3t@git.example.org/ops/nics.git");

        notifier.finished(unreachable);
        notifier.finished(unreachable);
        notifier.finished(report(RunOutcome.NO_CHANGES, null, null));
        notifier.finished(unreachable);

        await(() -> notifier.sent() == 2);
        assertThat(hook.bodies).hasSize(2).allSatisfy(body -> assertThat(body)
                .contains("\"event\":\"failed\"", "https://***@git.example.org/ops/nics.git")
                .doesNotContain("glpat-s3cr3t"));
    }

    @Test
    void neitherTheTextNorTheReportNamesACredentialOfAVmsError() throws Exception {
        Receiver hook = receiver(Receiver.answering(204));
        Notifier notifier = notifier(Duration.ofSeconds(5), 10, new Endpoint(hook.url(), Endpoint.Format.JSON));
        ApplyReport apply = new ApplyReport(List.of(new VmResult.NotStarted(WEB,
                "cannot reach https://ghp_T0KEN@api.example.org/x?sig=SAS-SIG")));

        notifier.finished(report(RunOutcome.LEFT_CHANGED, apply, null));

        await(() -> notifier.sent() == 1);
        JsonNode doc = json.readTree(hook.bodies.getFirst());
        assertThat(hook.bodies.getFirst()).doesNotContain("ghp_T0KEN", "SAS-SIG");
        assertThat(doc.path("text").asText()).contains("cannot reach https://***@api.example.org/x?sig=***");
        assertThat(doc.path("report").path("apply").path("vms").get(0).path("why").asText())
                .isEqualTo("cannot reach https://***@api.example.org/x?sig=***");
    }

    @Test
    void aCycleThatChangedNothingIsNotTold() throws Exception {
        Receiver hook = receiver(Receiver.answering(200));
        Notifier notifier = notifier(Duration.ofSeconds(5), 10, new Endpoint(hook.url(), Endpoint.Format.JSON));

        notifier.finished(report(RunOutcome.NO_CHANGES, null, null));
        notifier.finished(report(RunOutcome.DRIFT_REPORTED, null, null));
        notifier.finished(applied());

        await(() -> notifier.sent() == 1);
        assertThat(hook.bodies).singleElement().asString().contains("\"event\":\"changed\"");
    }

    @Test
    void aReceiverThatAnswers500IsTriedFourTimesWithGrowingWaitsThenGivenUp() throws Exception {
        Receiver broken = receiver(Receiver.answering(500));
        Notifier notifier = notifier(Duration.ofSeconds(5), 10, new Endpoint(broken.url(), Endpoint.Format.SLACK));

        notifier.finished(failed("boom"));

        await(() -> notifier.failed() == 1);
        assertThat(broken.bodies).hasSize(4);
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(notifier.sent()).isZero();
        assertThat(log).singleElement().asString().isEqualTo(
                "notification to http://127.0.0.1:" + broken.url().getPort() + "/... not delivered: answered 500");
    }

    @Test
    void aReceiverThatRefusesThePayloadIsNotTriedAgain() throws Exception {
        Receiver gone = receiver(Receiver.answering(404));
        Notifier notifier = notifier(Duration.ofSeconds(5), 10, new Endpoint(gone.url(), Endpoint.Format.JSON));

        notifier.finished(applied());

        await(() -> notifier.failed() == 1);
        assertThat(gone.bodies).hasSize(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutEachTryAndNeverHoldsUpTheCycle() throws Exception {
        Receiver hung = receiver(Receiver.hanging());
        Notifier notifier = notifier(Duration.ofMillis(200), 10, new Endpoint(hung.url(), Endpoint.Format.JSON));

        notifier.finished(applied()); // returns at once: the receiver has not answered, and never will

        assertThat(notifier.sent() + notifier.failed()).isZero();
        await(() -> notifier.failed() == 1);
        assertThat(hung.bodies).hasSize(4);
        assertThat(log).singleElement().asString().endsWith("not delivered: no answer within PT0.2S");
    }

    @Test
    void aReceiverThatAnswersAndThenStallsItsBodyHoldsUpNoLaterMessage() throws Exception {
        Receiver stalling = receiver(Receiver.stalling());
        Receiver hook = receiver(Receiver.answering(204));
        Notifier notifier = notifier(Duration.ofMillis(500), 10, new Endpoint(stalling.url(), Endpoint.Format.JSON),
                new Endpoint(hook.url(), Endpoint.Format.JSON));

        notifier.finished(applied());

        await(() -> notifier.sent() == 2);
        assertThat(stalling.bodies).as("answered 200: taken, not sent again").hasSize(1);
        assertThat(hook.bodies).hasSize(1);
    }

    @Test
    void whenTheQueueIsFullMessagesAreDroppedAndCountedNeverWaitedFor() throws Exception {
        Receiver hung = receiver(Receiver.hanging());
        Notifier notifier = notifier(Duration.ofSeconds(30), 1, new Endpoint(hung.url(), Endpoint.Format.JSON));

        notifier.finished(failed("first")); // being sent: the receiver holds it
        await(() -> hung.bodies.size() == 1);
        notifier.finished(failed("second")); // waits in the queue
        notifier.finished(failed("third")); // no room
        notifier.finished(failed("fourth"));

        assertThat(notifier.dropped()).isEqualTo(2);
        assertThat(notifier.sent()).isZero();
    }

    private static RunReport applied() {
        ApplyReport apply = new ApplyReport(List.of(new VmResult.Applied(WEB, 2, List.of())));
        return report(RunOutcome.APPLIED, apply, null);
    }

    private static RunReport failed(String error) {
        return report(RunOutcome.ERROR, null, error);
    }

    private static RunReport report(RunOutcome outcome, ApplyReport apply, String error) {
        return new RunReport(T0, T0.plusSeconds(3), outcome, HEAD, null, false, apply == null ? 0 : 1, 2, null,
                Map.of(), List.of(), apply, apply == null ? null : "run-1", error, List.of());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }
}
