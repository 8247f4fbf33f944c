package io.nicsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.nicsync.cluster.EventSettings;
import io.nicsync.cluster.LeadershipSettings;
import io.nicsync.cluster.LeaseServer;
import io.nicsync.cluster.ShardLeadership;
import io.nicsync.cluster.ShardListener;
import io.nicsync.cluster.WorkloadEvents;
import io.nicsync.notify.Outbox;
import io.nicsync.plugin.kubevirt.sim.RequestTap;
import io.nicsync.reconcile.RunOutcome;
import io.nicsync.reconcile.RunReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * rbac.yaml is least privilege: it allows every request nicsync makes and grants nothing else. The requests
 * are recorded, not listed by hand: every scenario of the KubeVirt plugin's tests runs here against its
 * simulated cluster, and replicas elect shard owners (and fail over) on a Lease server.
 */
class RbacTest {
    static final String NAMESPACE = "nicsync";
    static final List<Access> KUBEVIRT = Collections.synchronizedList(new ArrayList<>());
    static final List<Access> ELECTION = new ArrayList<>();
    static final List<Access> EVENTS = new ArrayList<>();
    static TestExecutionSummary scenarios;

    @BeforeAll
    static void recordRequests() throws Exception {
        try (AutoCloseable tap = RequestTap.listen(r -> KUBEVIRT.add(Access.of(r.method(), r.path())))) {
            scenarios = runKubevirtScenarios();
        }
        try (LeaseServer server = new LeaseServer()) {
            elect(server);
            server.requests().forEach(r -> ELECTION.add(Access.of(r.method(), r.path())));
        }
        try (LeaseServer server = new LeaseServer()) {
            failTwice(server);
            server.requests().forEach(r -> EVENTS.add(Access.of(r.method(), r.path())));
        }
    }

    @Test
    void theRecordingsCoverThePluginAndTheElection() {
        assertThat(scenarios.getTestsFailedCount()).as(failures()).isZero();
        assertThat(scenarios.getTestsSucceededCount()).isGreaterThan(20);
        assertThat(KUBEVIRT).extracting(Access::verb).contains("get", "list", "patch", "create", "update");
        assertThat(ELECTION).extracting(Access::resource).containsOnly("leases");
        assertThat(KUBEVIRT).extracting(Access::grant).contains("create events", "patch events");
        assertThat(EVENTS).extracting(Access::grant).containsExactly("create events", "create events", "patch events");
    }

    @Test
    void everyRequestIsAllowed() {
        List<RbacRules.Grant> grants = RbacRules.forServiceAccount(NAMESPACE, "nicsync");
        Set<String> denied = new TreeSet<>();
        for (Access access : all()) {
            if (grants.stream().noneMatch(g -> g.allows(access))) {
                denied.add(access.grant() + (access.namespace() == null ? "" : " in " + access.namespace()));
            }
        }
        assertThat(denied).as("requests rbac.yaml does not allow").isEmpty();
    }

    @Test
    void nothingIsGrantedThatIsNeverUsed() {
        Set<String> used = all().stream().map(Access::grant).collect(Collectors.toSet());
        Set<String> unused = new TreeSet<>();
        for (RbacRules.Grant grant : RbacRules.forServiceAccount(NAMESPACE, "nicsync")) {
            grant.grants().stream().filter(g -> !used.contains(g)).forEach(unused::add);
        }
        assertThat(unused).as("grants no request needs").isEmpty();
    }

    @Test
    void leasesAreGrantedInNicsyncsNamespaceOnly() {
        List<RbacRules.Grant> grants = RbacRules.forServiceAccount(NAMESPACE, "nicsync");
        Access elsewhere = new Access("get", "coordination.k8s.io", "leases", "kube-system", "nicsync-shard-0");
        assertThat(grants).noneMatch(g -> g.allows(elsewhere));
        assertThat(ELECTION).allMatch(a -> NAMESPACE.equals(a.namespace()));
    }

    private static List<Access> all() {
        List<Access> all = new ArrayList<>(KUBEVIRT);
        all.addAll(ELECTION);
        all.addAll(EVENTS);
        return all;
    }

    private static TestExecutionSummary runKubevirtScenarios() {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("io.nicsync.plugin.kubevirt"))
                // the simulator's own tests play the client themselves
                .filters(PackageNameFilter.excludePackageNames("io.nicsync.plugin.kubevirt.sim"),
                        ClassNameFilter.includeClassNamePatterns(".*Test"))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        return summary.getSummary();
    }

    /** A replica of the Deployment fails the same way twice: one Event on the Deployment, counted twice. */
    private static void failTwice(LeaseServer server) throws InterruptedException {
        EventSettings settings = EventSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "POD_NAMESPACE", NAMESPACE, "POD_NAME", "nicsync-a", "NICSYNC_WORKLOAD", "Deployment/nicsync"))
                .orElseThrow();
        Outbox outbox = new Outbox("rbac-events", 10);
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkloadEvents events = new WorkloadEvents(server.client("nicsync-a"), settings, outbox, Clock.systemUTC(),
                warnings::add);
        Instant now = Instant.now();
        RunReport failed = new RunReport(now, now, RunOutcome.ERROR, null, null, false, 0, 0, null, Map.of(), List.of(),
                null, null, "the repository cannot be fetched", List.of());
        events.finished(failed);
        events.finished(failed);
        outbox.close(Duration.ofSeconds(30));
        assertThat(warnings).isEmpty();
    }

    /** Two replicas take every shard, then one stops and the other takes its shards over. */
    private static void elect(LeaseServer server) {
        List<ShardLeadership> replicas = new ArrayList<>();
        try {
            for (String name : List.of("nicsync-a", "nicsync-b")) {
                replicas.add(ShardLeadership.start(server.client(name), new LeadershipSettings(NAMESPACE, "nicsync",
                        4, name, Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMillis(250),
                        Duration.ofMillis(500)), ShardListener.NONE));
            }
            await(() -> replicas.stream().mapToInt(r -> r.ownedShards().size()).sum() == 4
                    && replicas.stream().allMatch(r -> !r.ownedShards().isEmpty()));
            replicas.remove(0).close();
            await(() -> replicas.get(0).ownedShards().size() == 4);
        } finally {
            replicas.forEach(ShardLeadership::close);
        }
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the replicas did not share the shards within 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String failures() {
        return scenarios.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .collect(Collectors.joining("\n"));
    }
}
