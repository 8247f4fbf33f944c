package io.nicsync.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /hooks/git} over real HTTP: each provider's way of authenticating a delivery, and every way a
 * delivery is answered without a run.
 */
class WebhookTest {
    private static final String SECRET = "It's a Secret to Everybody";
    private static final String PUSH_MAIN = "{\"ref\":\"refs/heads/main\",\"after\":\"0123abcd\"}";
    private static final int MAX_BODY = 4096;

    private final AtomicInteger runs = new AtomicInteger();
    private final Metrics metrics = new Metrics();
    private final List<String> log = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    private URI start(String secret) throws Exception {
        return start(secret, EnumSet.allOf(Provider.class), 4);
    }

    private URI start(String secret, Set<Provider> accepted, int concurrent) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Webhooks webhooks = new Webhooks(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8), accepted,
                new PushRefs("main"), MAX_BODY, new Deliveries(8, Duration.ofHours(24), clock), clock);
        server.createContext("/hooks/git", new WebhookHandler(webhooks, concurrent, ref -> {
            runs.incrementAndGet();
            return "a run starts now";
        }, metrics, log::add));
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/git");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        client.close();
    }

    @Test
    void githubsOwnExampleSignatureIsAccepted() throws Exception {
        // the example of GitHub's "Validating webhook deliveries" page: this secret, this payload, this signature
        URI hook = start(SECRET);
        var response = post(hook, "Hello, World!", Map.of("X-GitHub-Event", "push", "X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(runs).hasValue(1);
    }

    @Test
    void eachProviderSignedPushStartsARun() throws Exception {
        URI hook = start(SECRET);
        byte[] body = PUSH_MAIN.getBytes(StandardCharsets.UTF_8);

        assertThat(post(hook, PUSH_MAIN, github(body)).statusCode()).isEqualTo(202);
        assertThat(post(hook, PUSH_MAIN, gitea(body)).statusCode()).isEqualTo(202);
        assertThat(post(hook, PUSH_MAIN, Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET,
                "X-Gitlab-Event-UUID", UUID.randomUUID().toString())).statusCode()).isEqualTo(202);
        assertThat(post(hook, PUSH_MAIN, generic(PUSH_MAIN, clock.instant())).statusCode()).isEqualTo(202);

        assertThat(runs).hasValue(4);
        assertThat(scrape()).contains("nicsync_webhooks_total{provider=\"github\",result=\"run\"} 1.0",
                "nicsync_webhooks_total{provider=\"gitea\",result=\"run\"} 1.0",
                "nicsync_webhooks_total{provider=\"gitlab\",result=\"run\"} 1.0",
                "nicsync_webhooks_total{provider=\"generic\",result=\"run\"} 1.0");
    }

    @Test
    void aBadOrMissingSignatureIs401AndNoRun() throws Exception {
        URI hook = start(SECRET);
        byte[] other = "another body".getBytes(StandardCharsets.UTF_8);

        var github = post(hook, PUSH_MAIN, Map.of("X-GitHub-Event", "push",
                "X-Hub-Signature-256", Provider.GITHUB.sign(other, secret())));
        var gitea = post(hook, PUSH_MAIN, Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", "not hex"));
        var gitlab = post(hook, PUSH_MAIN, Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET + "x"));
        var generic = post(hook, PUSH_MAIN, Map.of("X-Nicsync-Signature", Provider.GENERIC.sign(
                (clock.instant().getEpochSecond() + "." + PUSH_MAIN).getBytes(StandardCharsets.UTF_8),
                "wrong".getBytes(StandardCharsets.UTF_8)), "X-Nicsync-Timestamp", "" + clock.instant().getEpochSecond()));
        var none = post(hook, PUSH_MAIN, Map.of("X-GitHub-Event", "push"));

        assertThat(List.of(github, gitea, gitlab, generic, none)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        assertThat(github.body()).contains("X-Hub-Signature-256 does not match");
        assertThat(none.body()).contains("no signature");
        assertThat(runs).hasValue(0);
    }

    @Test
    void aRepeatedDeliveryIsIgnored() throws Exception {
        URI hook = start(SECRET);
        Map<String, String> headers = github(PUSH_MAIN.getBytes(StandardCharsets.UTF_8));

        assertThat(post(hook, PUSH_MAIN, headers).statusCode()).isEqualTo(202);
        var again = post(hook, PUSH_MAIN, headers);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("seen already");
        assertThat(runs).hasValue(1);
    }

    @Test
    void theOldestDeliveryIdsAreForgotten() {
        Deliveries deliveries = new Deliveries(3, Duration.ofHours(24), clock);
        for (String id : List.of("a", "b", "c", "d")) {
            assertThat(deliveries.first(id)).isTrue();
        }
        assertThat(deliveries.size()).isEqualTo(3);
        assertThat(deliveries.first("d")).isFalse();
        assertThat(deliveries.first("a")).isTrue();
    }

    @Test
    void deliveriesAreRememberedForTheirWindowOnly() {
        Deliveries deliveries = new Deliveries(100, Duration.ofHours(24), clock);
        assertThat(deliveries.first("a")).isTrue();
        clock.advance(Duration.ofHours(23));
        assertThat(deliveries.first("a")).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(deliveries.first("a")).isTrue();
    }

    @Test
    void aCapturedGithubDeliveryReplayedUnderAnotherDeliveryIdIsIgnored() throws Exception {
        URI hook = start(SECRET);
        byte[] body = PUSH_MAIN.getBytes(StandardCharsets.UTF_8);
        Map<String, String> captured = github(body);
        Map<String, String> replayed = new java.util.HashMap<>(captured);
        replayed.put("X-GitHub-Delivery", UUID.randomUUID().toString());

        assertThat(post(hook, PUSH_MAIN, captured).statusCode()).isEqualTo(202);
        var again = post(hook, PUSH_MAIN, replayed);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("was seen already");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aGenericDeliveryNeedsAFreshSignedTimestamp() throws Exception {
        URI hook = start(SECRET);
        Instant now = clock.instant();

        var fresh = post(hook, PUSH_MAIN, generic(PUSH_MAIN, now));
        var replayedNow = post(hook, PUSH_MAIN, generic(PUSH_MAIN, now));
        var old = post(hook, PUSH_MAIN, generic(PUSH_MAIN, now.minus(Duration.ofMinutes(6))));
        var future = post(hook, PUSH_MAIN, generic(PUSH_MAIN, now.plus(Duration.ofMinutes(6))));
        Map<String, String> unstamped = new java.util.HashMap<>(generic(PUSH_MAIN, now.plusSeconds(1)));
        unstamped.remove("X-Nicsync-Timestamp");
        var withoutTimestamp = post(hook, PUSH_MAIN, unstamped);
        Map<String, String> restamped = new java.util.HashMap<>(generic(PUSH_MAIN, now.plusSeconds(2)));
        restamped.put("X-Nicsync-Timestamp", "" + now.plusSeconds(3).getEpochSecond()); // signature is for +2 s
        var movedTimestamp = post(hook, PUSH_MAIN, restamped);
        clock.advance(Duration.ofSeconds(30));
        var next = post(hook, PUSH_MAIN, generic(PUSH_MAIN, clock.instant()));

        assertThat(fresh.statusCode()).isEqualTo(202);
        assertThat(replayedNow.statusCode()).isEqualTo(200);
        assertThat(replayedNow.body()).contains("seen already");
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(old.body()).contains("refused as a replay");
        assertThat(future.statusCode()).isEqualTo(401);
        assertThat(withoutTimestamp.statusCode()).isEqualTo(401);
        assertThat(withoutTimestamp.body()).contains("X-Nicsync-Timestamp is missing");
        assertThat(movedTimestamp.statusCode()).isEqualTo(401);
        assertThat(next.statusCode()).isEqualTo(202);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aSchemeTheOperatorDidNotAcceptIsRefused() throws Exception {
        URI hook = start(SECRET, Provider.SIGNING, 4);

        var gitlab = post(hook, PUSH_MAIN, Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET));

        assertThat(gitlab.statusCode()).isEqualTo(401);
        assertThat(gitlab.body()).contains("gitlab deliveries (X-Gitlab-Token) are not accepted here")
                .contains("X-Hub-Signature-256 (github)");
        assertThat(runs).hasValue(0);
        assertThat(scrape()).contains("nicsync_webhooks_total{provider=\"gitlab\",result=\"not-accepted\"} 1.0");
    }

    @Test
    void giteasCopyOfGithubsSignatureCountsWhenOnlyGithubIsAccepted() throws Exception {
        URI hook = start(SECRET, EnumSet.of(Provider.GITHUB), 4);
        byte[] body = PUSH_MAIN.getBytes(StandardCharsets.UTF_8);

        var response = post(hook, PUSH_MAIN, Map.of("X-Gitea-Signature", Provider.GITEA.sign(body, secret()),
                "X-GitHub-Event", "push", "X-Hub-Signature-256", Provider.GITHUB.sign(body, secret())));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void deliveriesBeyondTheOnesBeingHandledAre503WithoutTheirBodyRead() throws Exception {
        URI hook = start(SECRET, Provider.SIGNING, 1);
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", hook.getPort())) {
            // holds the one slot: its headers promise a body it does not send
            slow.getOutputStream().write(("POST /hooks/git HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            awaitBusy(hook);

            var busy = post(hook, PUSH_MAIN, github(PUSH_MAIN.getBytes(StandardCharsets.UTF_8)));

            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.body()).contains("too many deliveries at once");
        }
        assertThat(runs).hasValue(0);
    }

    /** Until a delivery is refused as busy: the slow one has reached its handler. */
    private void awaitBusy(URI hook) throws Exception {
        for (int i = 0; i < 200 && !scrape().contains("result=\"busy\""); i++) {
            post(hook, "{}", Map.of());
            Thread.sleep(10);
        }
    }

    @Test
    void anOversizedBodyIs413WhetherItsLengthIsAnnouncedOrNot() throws Exception {
        URI hook = start(SECRET);
        byte[] big = ("{\"ref\":\"refs/heads/main\",\"pad\":\"" + "x".repeat(MAX_BODY) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(hook);
        github(big).forEach(request::header);

        var announced = client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        var chunked = client.send(request.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(runs).hasValue(0);
    }

    @Test
    void aPushToAnotherBranchOrAnotherEventIsAcknowledgedWithoutARun() throws Exception {
        URI hook = start(SECRET);
        String otherBranch = "{\"ref\":\"refs/heads/feature\"}";

        var push = post(hook, otherBranch, github(otherBranch.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> ping = new java.util.HashMap<>(github("{}".getBytes(StandardCharsets.UTF_8)));
        ping.put("X-GitHub-Event", "ping");
        var pinged = post(hook, "{}", ping);

        assertThat(push.statusCode()).isEqualTo(200);
        assertThat(push.body()).contains("push to refs/heads/feature ignored: following main");
        assertThat(pinged.statusCode()).isEqualTo(200);
        assertThat(pinged.body()).contains("event 'ping' ignored");
        assertThat(runs).hasValue(0);
    }

    @Test
    void withoutASecretEveryDeliveryIsRefusedSayingHowToConfigureOne() throws Exception {
        URI hook = start(null);

        var response = post(hook, PUSH_MAIN, github(PUSH_MAIN.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("NICSYNC_WEBHOOK_SECRET").contains("--webhook-secret-file");
        assertThat(runs).hasValue(0);
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        URI hook = start(SECRET);
        var response = client.send(HttpRequest.newBuilder(hook).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void pushesConcernTheFollowedBranchOrTagOnlyUnlessTheRefIsUnknown() {
        assertThat(new PushRefs("main").concerns("refs/heads/main")).isTrue();
        assertThat(new PushRefs("refs/heads/main").concerns("refs/heads/main")).isTrue();
        assertThat(new PushRefs("v1").concerns("refs/tags/v1")).isTrue();
        assertThat(new PushRefs("main").concerns("refs/heads/mainline")).isFalse();
        assertThat(new PushRefs(null).concerns("refs/heads/anything")).isTrue();
        assertThat(new PushRefs("0123abcd").concerns("refs/heads/anything")).isTrue();
    }

    private static byte[] secret() {
        return SECRET.getBytes(StandardCharsets.UTF_8);
    }

    /** nicsync's own scheme, signed at {@code at}. */
    private static Map<String, String> generic(String body, Instant at) {
        String timestamp = String.valueOf(at.getEpochSecond());
        return Map.of("X-Nicsync-Timestamp", timestamp, "X-Nicsync-Signature",
                Provider.GENERIC.sign((timestamp + "." + body).getBytes(StandardCharsets.UTF_8), secret()));
    }

    private static Map<String, String> github(byte[] body) {
        return Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", UUID.randomUUID().toString(),
                "X-Hub-Signature-256", Provider.GITHUB.sign(body, secret()));
    }

    /** Gitea sends GitHub's headers too, with the same signature; its own header decides. */
    private static Map<String, String> gitea(byte[] body) {
        return Map.of("X-Gitea-Event", "push", "X-Gitea-Delivery", UUID.randomUUID().toString(),
                "X-Gitea-Signature", Provider.GITEA.sign(body, secret()),
                "X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=00");
    }

    private HttpResponse<String> post(URI hook, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }
    }

    private String scrape() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        new io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter(false).write(out, metrics.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
