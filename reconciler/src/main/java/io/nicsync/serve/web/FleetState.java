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
import io.nicsync.spi.VmRef;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the page shows, kept as the cycles report it: the fleet as the last cycle that planned left it, the last
 * cycle's report, and the reports of the last {@value #RUNS_KEPT} cycles. Each finished cycle makes a new
 * {@link #version}. Fed from the cycle's thread and, for the VMs' results, from the applier's workers.
 */
final class FleetState implements CycleListener {
    static final int RUNS_KEPT = 20;

    private final Clock clock;
    private final Map<VmRef, VmResult> results = new ConcurrentHashMap<>();
    private final Map<VmRef, Map<String, Object>> lastResults = new ConcurrentHashMap<>();
    private PlanSession.Planning planning;
    private Decision decision;
    private List<Map<String, Object>> targets = List.of();
    private String planText;
    private Map<String, Object> lastCycle;
    private final Deque<Map<String, Object>> runs = new ArrayDeque<>();
    private long version;

    /** @param kept the last cycle's report as the state directory kept it (JSON), shown until this process has one */
    FleetState(Clock clock, Optional<String> kept) {
        this.clock = clock;
        kept.flatMap(FleetState::parsed).ifPresent(doc -> {
            lastCycle = doc;
            runs.addFirst(doc);
        });
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
            cycle.put("decision", decision.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        lastCycle = cycle;
        runs.addFirst(cycle);
        while (runs.size() > RUNS_KEPT) {
            runs.removeLast();
        }
        if (planning != null) { // a cycle that failed before planning leaves the fleet as the last plan saw it
            targets = FleetDocument.targets(planning, report.drift(), new HashMap<>(results), lastResults);
            planText = FleetDocument.planText(planning.plan());
        }
        planning = null;
        decision = null;
        version++;
    }

    synchronized long version() {
        return version;
    }

    /** The fleet: the last cycle, every target with its VMs, the plan in words. */
    synchronized Map<String, Object> fleet() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", version);
        doc.put("lastCycle", lastCycle);
        doc.put("targets", targets);
        doc.put("plan", planText);
        return doc;
    }

    /** The reports of the last cycles, newest first. */
    synchronized List<Map<String, Object>> runs() {
        return new ArrayList<>(runs);
    }

    private static Optional<Map<String, Object>> parsed(String json) {
        try {
            return Optional.of(new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            return Optional.empty(); // a damaged file: the page waits for this process's first cycle
        }
    }
}
