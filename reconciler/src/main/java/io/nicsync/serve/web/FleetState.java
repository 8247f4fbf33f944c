package io.nicsync.serve.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.ReportDocument;
import io.nicsync.apply.VmResult;
import io.nicsync.loop.PlanSession;
import io.nicsync.plan.Plan;
import io.nicsync.reconcile.CycleListener;
import io.nicsync.reconcile.Decision;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.Snapshot;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.VmRef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the page shows, kept as the cycles report it: the fleet as the last cycle that planned left it, the last
 * cycle's report, and the reports of the last {@value #RUNS_KEPT} cycles with their steps. Each finished cycle makes
 * a new {@link View}, built then and only then: a run's steps are read from its journal once, when the run is
 * added, so that the API's answers cost no disk work however often they are asked for. Fed from the cycle's thread
 * and, for the VMs' results, from the applier's workers.
 */
final class FleetState implements CycleListener {
    static final int RUNS_KEPT = 20;

    /**
     * One version of what the API answers, never changed once made.
     *
     * @param fleet {@code GET /api/v1/fleet} but for {@code runNow}
     * @param runs {@code GET /api/v1/runs}
     */
    record View(long version, Map<String, Object> fleet, Map<String, Object> runs) {
    }

    private final Clock clock;
    private final Path journalDir;
    private final Map<VmRef, VmResult> results = new ConcurrentHashMap<>();
    private final Map<VmRef, Map<String, Object>> lastResults = new ConcurrentHashMap<>();
    private PlanSession.Planning planning;
    private Decision decision;
    private List<Map<String, Object>> targets = List.of();
    private String planText;
    private Map<String, Object> lastCycle;
    /** Each cycle's report with its steps, newest first. */
    private final Deque<Map<String, Object>> runs = new ArrayDeque<>();
    private volatile View view;

    /**
     * @param journalDir where the runs' journals are, read for each run's steps
     * @param kept the last cycle's report as the state directory kept it (JSON), shown until this process has one
     */
    FleetState(Clock clock, Path journalDir, Optional<String> kept) {
        this.clock = clock;
        this.journalDir = journalDir;
        kept.flatMap(FleetState::parsed).ifPresent(doc -> {
            lastCycle = doc;
            runs.addFirst(withSteps(doc));
        });
        this.view = view(0);
    }

    @Override
    public void observed(PlanSession.Planning planning) {
        synchronized (this) {
            this.planning = planning;
        }
        results.clear(); // interrupted runs recovered before this plan were of another commit
    }

    @Override
    public synchronized void planned(Snapshot head, Plan plan, Decision decision) {
        this.decision = decision;
    }

    @Override
    public void vmFinished(VmResult result) {
        results.put(result.vm(), result);
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("at", clock.instant().toString());
        last.put("outcome", ReportDocument.outcome(result));
        lastResults.put(result.vm(), last);
    }

    @Override
    public synchronized void finished(RunReport report) {
        Map<String, Object> cycle = report.document();
        if (decision != null) {
            cycle.put("decision", decision.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        lastCycle = cycle;
        runs.addFirst(withSteps(cycle));
        while (runs.size() > RUNS_KEPT) {
            runs.removeLast();
        }
        if (planning != null) { // a cycle that failed before planning leaves the fleet as the last plan saw it
            Set<VmRef> desired = planning.desired().state().vms().stream().map(DesiredVm::ref)
                    .collect(Collectors.toSet());
            lastResults.keySet().retainAll(desired); // a VM Git no longer names is not shown, nor kept
            targets = FleetDocument.targets(planning, report.drift(), new HashMap<>(results), lastResults);
            planText = FleetDocument.planText(planning.plan());
        }
        planning = null;
        decision = null;
        view = view(view.version() + 1);
    }

    /** What the API answers now. */
    View view() {
        return view;
    }

    /** The VMs whose last apply outcome is kept. */
    Set<VmRef> lastResultVms() {
        return Set.copyOf(lastResults.keySet());
    }

    private View view(long version) {
        Map<String, Object> fleet = new LinkedHashMap<>();
        fleet.put("version", version);
        fleet.put("lastCycle", lastCycle);
        fleet.put("targets", targets);
        fleet.put("plan", planText);
        Map<String, Object> runsDoc = new LinkedHashMap<>();
        runsDoc.put("version", version);
        runsDoc.put("runs", List.copyOf(runs));
        return new View(version, fleet, runsDoc);
    }

    /** The report with its run's steps from the journal, read now, once. */
    private Map<String, Object> withSteps(Map<String, Object> report) {
        Map<String, Object> run = new LinkedHashMap<>(report);
        run.put("steps", JournalSteps.ofReport(journalDir, report));
        return run;
    }

    private static Optional<Map<String, Object>> parsed(String json) {
        try {
            return Optional.of(new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            return Optional.empty(); // a damaged file: the page waits for this process's first cycle
        }
    }
}
