package io.nicsync.serve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.Sleeper;
import io.nicsync.apply.Journal;
import io.nicsync.apply.JournalEvent;
import io.nicsync.apply.JournalEvent.Kind;
import io.nicsync.apply.VmResult;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Desired;
import io.nicsync.loop.PlanSession;
import io.nicsync.loop.Selection;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.plan.Scenario;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.reconcile.Decision;
import io.nicsync.reconcile.Reconciler;
import io.nicsync.reconcile.RunOutcome;
import io.nicsync.reconcile.RunReport;
import io.nicsync.serve.Server;
import io.nicsync.source.CommitSigner;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.VmRef;
import io.nicsync.validate.Config;
import io.nicsync.validate.DesiredState;
import io.nicsync.validate.Policy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page and its API over real HTTP, behind {@code serve}'s own server, fed one cycle of the plan scenario
 * {@code several-vms} as the reconciler reports it: web-01's unplug failed and was rolled back, web-02 got its NIC,
 * web-03 had nothing to do. The server's own loop reads a repository that does not exist and feeds the page nothing.
 */
class WebPageTest {
    private static final String TOKEN = "s3cret-run-token";
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final String COMMIT = "9f1c2e3d4b5a69788796a5b4c3d2e1f009182736";
    private static final String RUN = "2026-01-02T03-04-05Z-0a1b2c3d";

    @TempDir
    Path stateDir;

    private final AtomicInteger runsAsked = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Server server;
    private URI base;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        client.close();
    }

    private WebPage serve(String token) throws Exception {
        WebPage page = new WebPage(stateDir, Optional.empty(), token == null ? null : token.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(T0, ZoneOffset.UTC), log::add);
        Reconciler nowhere = new Reconciler(new Reconciler.Settings(SourceSpec.of(stateDir.resolve("none").toString()),
                Selection.ALL, TargetOverrides.NONE, stateDir.resolve("serve-state"), Duration.ZERO, ApplyOverrides.NONE,
                "test"), Plugins.of(List.of()), Clock.systemUTC(), Sleeper.REAL);
        server = Server.start(new Server.Settings(new InetSocketAddress("127.0.0.1", 0), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1), null, null, 1024, Duration.ofSeconds(5)), nowhere, line -> { });
        page.routes(() -> {
            runsAsked.incrementAndGet();
            return "a run follows the cycle running since 3 s ago";
        }).forEach(server::route);
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
        return page;
    }

    @Test
    void thePageIsOurOwnFilesUnderAStrictContentSecurityPolicy() throws Exception {
        serve(TOKEN);

        HttpResponse<String> page = get("/", Map.of());
        HttpResponse<String> script = get("/app.js", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Responses.CSP);
        assertThat(Responses.CSP).contains("script-src 'self'", "style-src 'self'", "default-src 'none'")
                .doesNotContain("unsafe", "http:", "https:");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // no inline script or style, nothing from another origin
        assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>")
                .doesNotContainPattern("<script[^>]*>[^<]+</script>").doesNotContain("<style", "style=", "http://",
                        "https://", " on");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                "eval(", "http://", "https://");
        assertThat(get("/app.css", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/etc/passwd", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void theFleetShowsEachVmsStateItsNicsDesiredNextToLiveAndThePlanInTheWordsOfNicsyncPlan() throws Exception {
        WebPage page = serve(TOKEN);
        Scenario scenario = Scenario.load("several-vms");
        Plan plan = cycle(page, scenario, true);

        JsonNode fleet = json.readTree(get("/api/v1/fleet", Map.of()).body());

        assertThat(fleet.path("runNow").asBoolean()).isTrue();
        assertThat(fleet.path("plan").asText()).isEqualTo(Files.readString(scenario.golden("plan.txt")));
        JsonNode lab = fleet.path("targets").get(0);
        assertThat(lab.path("name").asText()).isEqualTo("lab");
        assertThat(lab.path("kind").asText()).isEqualTo("fixture");
        assertThat(vm(lab, "lab/web-01").path("state").asText()).as("rolled back: its changes are still to make")
                .isEqualTo("changes-planned");
        assertThat(vm(lab, "lab/web-01").path("lastResult").path("outcome").asText())
                .startsWith("FAILED at unplug old0: the guest did not release the device; rolled back");
        assertThat(vm(lab, "lab/web-02").path("state").asText()).isEqualTo("converged");
        assertThat(vm(lab, "lab/web-03").path("state").asText()).isEqualTo("converged");
        assertThat(vm(lab, "lab/web-01").path("steps")).extracting(JsonNode::asText)
                .containsExactly(plan.steps(VmRef.of("lab", "web-01")).stream().map(io.nicsync.plan.StepText::line)
                        .toArray(String[]::new));
        JsonNode old0 = nic(vm(lab, "lab/web-01"), "old0");
        assertThat(old0.path("desired").asText()).isEqualTo("absent");
        assertThat(old0.path("live").asText()).startsWith("old0 52:54:00:00:00:03 bridge br-old link up");
        assertThat(old0.path("differs").asBoolean()).isTrue();
        assertThat(nic(vm(lab, "lab/web-01"), "mgmt").path("differs").asBoolean()).isFalse();
        assertThat(nic(vm(lab, "lab/web-02"), "uplink").path("live").isNull()).as("not plugged when observed").isTrue();
        JsonNode cycle = fleet.path("lastCycle");
        assertThat(cycle.path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(cycle.path("decision").asText()).isEqualTo("apply");
        assertThat(cycle.path("signedBy").asText()).isEqualTo("ada@example.org (SSH key SHA256:abc)");
    }

    @Test
    void aVmNeedingARestartAndOneLeftChangedSayWhatTheyAre() throws Exception {
        WebPage page = serve(TOKEN);
        Scenario scenario = Scenario.load("several-vms");
        Plan plan = scenario.plan();
        feed(page, scenario, plan, List.of(
                new VmResult.FailedLeft(VmRef.of("lab", "web-01"), plan.steps(VmRef.of("lab", "web-01")).get(1),
                        "refused", List.of(), null, "gone"),
                new VmResult.Applied(VmRef.of("lab", "web-02"), 1, List.of(plan.steps(VmRef.of("lab", "web-02")).get(0)))),
                false);

        JsonNode lab = json.readTree(get("/api/v1/fleet", Map.of()).body()).path("targets").get(0);

        assertThat(vm(lab, "lab/web-01").path("state").asText()).isEqualTo("failed-left-changed");
        assertThat(vm(lab, "lab/web-01").path("stateText").asText()).isEqualTo("failed and left changed");
        assertThat(vm(lab, "lab/web-02").path("state").asText()).isEqualTo("restart-required");
    }

    @Test
    void theRunsShowEachStepsOutcomeAndTimingFromTheJournal() throws Exception {
        WebPage page = serve(TOKEN);
        cycle(page, Scenario.load("several-vms"), true);

        JsonNode run = json.readTree(get("/api/v1/runs", Map.of()).body()).path("runs").get(0);

        assertThat(run.path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(run.path("commit").asText()).isEqualTo(COMMIT);
        assertThat(run.path("apply").path("run").asText()).isEqualTo(RUN);
        List<String> rows = new ArrayList<>();
        run.path("steps").forEach(s -> rows.add(s.path("vm").asText() + " | " + s.path("step").asText() + " | "
                + s.path("outcome").asText() + " | " + s.path("seconds").asText() + " | " + s.path("error").asText("")));
        assertThat(rows).containsExactly(
                "lab/web-01 | link old0 down | done | 1.5 | ",
                "lab/web-01 | unplug old0 | failed | 60.0 | the guest did not release the device",
                "lab/web-01 | undo: link old0 up | undone | 0.25 | ",
                "lab/web-02 | add uplink on bridge br-prod | done | 2.0 | ");
    }

    @Test
    void theRunsAreReadFromTheJournalOnceWhenTheCycleEndsNotOnEachRequest() throws Exception {
        WebPage page = serve(TOKEN);
        cycle(page, Scenario.load("several-vms"), true);
        JsonNode before = json.readTree(get("/api/v1/runs", Map.of()).body());
        try (var journal = Files.list(stateDir.resolve("journal"))) {
            for (Path file : journal.toList()) {
                Files.delete(file);
            }
        }

        JsonNode after = json.readTree(get("/api/v1/runs", Map.of()).body());

        assertThat(before.path("runs").get(0).path("steps")).hasSize(4);
        assertThat(after).as("served from memory, the journal gone from disk").isEqualTo(before);
    }

    @Test
    void aVmGitNoLongerDeclaresIsNeitherShownNorRemembered() throws Exception {
        WebPage page = serve(TOKEN);
        Scenario scenario = Scenario.load("several-vms");
        Plan plan = cycle(page, scenario, false);
        VmRef web01 = VmRef.of("lab", "web-01");
        FleetState state = (FleetState) page.listener();
        assertThat(state.lastResultVms()).contains(web01);

        feed(page, scenario, plan, List.of(), false, Set.of(web01));

        assertThat(state.lastResultVms()).doesNotContain(web01).contains(VmRef.of("lab", "web-02"));
        JsonNode lab = json.readTree(get("/api/v1/fleet", Map.of()).body()).path("targets").get(0);
        assertThat(lab.path("vms")).extracting(vm -> vm.path("vm").asText()).doesNotContain("lab/web-01");
    }

    @Test
    void aPollerThatHasTheLatestVersionGetsNotModified() throws Exception {
        WebPage page = serve(TOKEN);
        HttpResponse<String> first = get("/api/v1/fleet", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertThat(get("/api/v1/fleet", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        cycle(page, Scenario.load("several-vms"), true);
        HttpResponse<String> changed = get("/api/v1/fleet", Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
    }

    @Test
    void runNowNeedsTheTokenAndAsksForOneRun() throws Exception {
        serve(TOKEN);

        assertThat(post("/api/v1/run", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/run", "Bearer not-the-token").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/run", "Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/run", TOKEN).statusCode()).as("without the Bearer scheme").isEqualTo(401);
        assertThat(runsAsked).hasValue(0);
        HttpResponse<String> accepted = post("/api/v1/run", "Bearer " + TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json.readTree(accepted.body()).path("message").asText()).as("what serve said of the run")
                .isEqualTo("accepted: a run follows the cycle running since 3 s ago");
        assertThat(runsAsked).hasValue(1);
        assertThat(get("/api/v1/run", Map.of()).statusCode()).isEqualTo(405);
        assertThat(log).anyMatch(l -> l.contains("refused")).noneMatch(l -> l.contains(TOKEN));
    }

    @Test
    void theApisErrorsAreJsonAsItsAnswersAre() throws Exception {
        serve(TOKEN);

        for (HttpResponse<String> error : List.of(post("/api/v1/run", "Bearer not-the-token"),
                get("/api/v1/run", Map.of()), get("/api/v1/nothing", Map.of()))) {
            assertThat(error.headers().firstValue("Content-Type")).as(error.uri().toString())
                    .hasValue("application/json");
            assertThat(json.readTree(error.body()).path("error").asText()).as(error.uri().toString()).isNotEmpty();
        }
        assertThat(json.readTree(post("/api/v1/run", null).body()).path("error").asText())
                .isEqualTo("refused: the bearer token does not match");
    }

    @Test
    void aTokenShortEnoughToBeGuessedIsRefused() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

        assertThatThrownBy(() -> new WebPage(stateDir, Optional.empty(), "x".repeat(15).getBytes(StandardCharsets.UTF_8),
                clock, log::add)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16");
        assertThat(new WebPage(stateDir, Optional.empty(), "x".repeat(16).getBytes(StandardCharsets.UTF_8), clock,
                log::add)).isNotNull();
    }

    @Test
    void withoutATokenThePageIsReadOnly() throws Exception {
        serve(null);

        assertThat(json.readTree(get("/api/v1/fleet", Map.of()).body()).path("runNow").asBoolean()).isFalse();
        HttpResponse<String> refused = post("/api/v1/run", "Bearer anything");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).path("error").asText()).contains("read-only");
        assertThat(runsAsked).hasValue(0);
    }

    @Test
    void credentialsInUrlsAreNeverShown() throws Exception {
        WebPage page = serve(TOKEN);
        RunReport failed = new RunReport(T0, T0.plusSeconds(1), RunOutcome.ERROR, null, null, false, 0, 0, null,
                Map.of(), List.of(), null, null,
                "cannot fetch https://deploy:glpat-XYZ123@git.example.org/ops/nics.git?private_token=abc: 403", List.of());
        page.listener().finished(failed);
        Scenario scenario = Scenario.load("several-vms");
        Plan plan = scenario.plan();
        VmRef web01 = VmRef.of("lab", "web-01");
        feed(page, scenario, plan, List.of(new VmResult.RolledBack(web01, plan.steps(web01).get(1),
                "POST https://ghp_T0KEN@api.example.org/x?sig=SAS-SIG: 500", 1, List.of(), null)), false);

        String body = get("/api/v1/fleet", Map.of()).body() + get("/api/v1/runs", Map.of()).body();

        assertThat(body).doesNotContain("glpat-XYZ123", "private_token=abc", "deploy:", "ghp_T0KEN", "SAS-SIG")
                .contains("https://***@git.example.org/ops/nics.git?private_token=***")
                .contains("POST https://***@api.example.org/x?sig=***: 500");
    }

    private Plan cycle(WebPage page, Scenario scenario, boolean journal) throws Exception {
        Plan plan = scenario.plan();
        VmRef web01 = VmRef.of("lab", "web-01");
        List<Step> web01Steps = plan.steps(web01);
        List<VmResult> results = List.of(
                new VmResult.RolledBack(web01, web01Steps.get(1), "the guest did not release the device", 1, List.of(),
                        null),
                new VmResult.Applied(VmRef.of("lab", "web-02"), 2, List.of()));
        feed(page, scenario, plan, results, journal);
        return plan;
    }

    private void feed(WebPage page, Scenario scenario, Plan plan, List<VmResult> results, boolean journal)
            throws Exception {
        feed(page, scenario, plan, results, journal, Set.of());
    }

    /** @param gone VMs the commit no longer declares */
    private void feed(WebPage page, Scenario scenario, Plan plan, List<VmResult> results, boolean journal,
            Set<VmRef> gone) throws Exception {
        if (journal) {
            writeJournal(plan);
        }
        Snapshot head = new Snapshot(COMMIT, "Ada Operator <ada@example.org>", T0, "main", "vms", List.of());
        Config config = new Config(List.of(new TargetConfig("lab", "fixture", Map.of())), Policy.defaults());
        Desired desired = new Desired("/srv/nics", head, new DesiredState(config, scenario.desired().stream()
                .filter(vm -> !gone.contains(vm.ref())).toList()));
        PlanSession.Planning planning = new PlanSession.Planning(desired, Set.of("lab"), plan, scenario.inputs()
                .stream().filter(in -> !gone.contains(in.desired().ref())).toList(),
                new CommitSigner("SSH", "SHA256:abc", "ada@example.org"));
        page.listener().observed(planning);
        page.listener().planned(head, plan, Decision.APPLY);
        results.forEach(page.listener()::vmFinished);
        ApplyReport applied = new ApplyReport(results);
        RunOutcome outcome = switch (applied.exit()) {
            case OK -> RunOutcome.APPLIED;
            case ROLLED_BACK -> RunOutcome.ROLLED_BACK;
            default -> RunOutcome.LEFT_CHANGED;
        };
        page.listener().finished(new RunReport(T0, T0.plusSeconds(70), outcome, head, planning.signer(), false, 2,
                plan.steps().size(), null, Map.of(), List.of(), applied, RUN, null, List.of()));
    }

    /** web-01: link down (1.5 s), unplug fails at 60 s, link up again; web-02: add (2 s). */
    private void writeJournal(Plan plan) throws Exception {
        int linkDown = index(plan, "lab/web-01", 0);
        int unplug = index(plan, "lab/web-01", 1);
        int add = index(plan, "lab/web-02", 0);
        try (Journal journal = Journal.create(stateDir.resolve("journal"), RUN,
                PlanFile.write(plan).getBytes(StandardCharsets.UTF_8))) {
            record(journal, 0, Kind.RUN_STARTED, null, -1, null);
            record(journal, 0, Kind.STEP_STARTED, "lab/web-01", linkDown, null);
            record(journal, 1500, Kind.STEP_DONE, "lab/web-01", linkDown, null);
            record(journal, 1500, Kind.STEP_STARTED, "lab/web-01", unplug, null);
            record(journal, 61_500, Kind.STEP_FAILED, "lab/web-01", unplug, "the guest did not release the device");
            record(journal, 61_500, Kind.UNDO_STARTED, "lab/web-01", linkDown, null);
            record(journal, 61_750, Kind.STEP_UNDONE, "lab/web-01", linkDown, null);
            record(journal, 62_000, Kind.STEP_STARTED, "lab/web-02", add, null);
            record(journal, 64_000, Kind.STEP_DONE, "lab/web-02", add, null);
            record(journal, 70_000, Kind.RUN_FINISHED, null, -1, "exit 3");
        }
    }

    private static int index(Plan plan, String vm, int nth) {
        Step step = plan.steps().stream().filter(s -> s.vm().toString().equals(vm)).toList().get(nth);
        return plan.steps().indexOf(step);
    }

    private static void record(Journal journal, long millis, Kind kind, String vm, int step, String detail)
            throws Exception {
        journal.record(new JournalEvent(T0.plusMillis(millis), kind, vm, step, detail));
    }

    private static JsonNode vm(JsonNode target, String ref) {
        for (JsonNode vm : target.path("vms")) {
            if (vm.path("vm").asText().equals(ref)) {
                return vm;
            }
        }
        throw new AssertionError("no VM " + ref + " in " + target);
    }

    private static JsonNode nic(JsonNode vm, String name) {
        for (JsonNode nic : vm.path("nics")) {
            if (nic.path("name").asText().equals(name)) {
                return nic;
            }
        }
        throw new AssertionError("no NIC " + name + " in " + vm);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
