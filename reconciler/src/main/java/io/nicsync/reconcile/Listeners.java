package io.nicsync.reconcile;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyReport;
import io.nicsync.loop.PlanSession;
import io.nicsync.plan.Plan;
import io.nicsync.source.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A reconciler's listeners, and the one place they are called from: each in turn, and one that throws is a warning
 * to the others, never the cycle's end. They only watch (the page, metrics, notifications, Events, logs): a page
 * that cannot draw must not skip {@code last-run.json} or leave the reconciler looking busy until {@code /healthz}
 * fails. The journal, whose failure must stop a step, is not one of them.
 */
final class Listeners {
    private final List<CycleListener> listeners = new CopyOnWriteArrayList<>();

    void add(CycleListener listener) {
        listeners.add(listener);
    }

    /** The step events for an apply or a recovery: to every listener, and to {@code more}, each kept from the others. */
    ApplyListener steps(ApplyListener... more) {
        List<ApplyListener> all = new ArrayList<>(listeners);
        all.addAll(List.of(more));
        return ApplyListener.isolated(all, this::failed);
    }

    void recovered(ApplyReport report) {
        each("recovered", l -> l.recovered(report));
    }

    void observed(PlanSession.Planning planning) {
        each("observed", l -> l.observed(planning));
    }

    void planned(Snapshot head, Plan plan, Decision decision) {
        each("planned", l -> l.planned(head, plan, decision));
    }

    void finished(RunReport report) {
        each("finished", l -> l.finished(report));
    }

    void warning(String message) {
        each("warning", l -> l.warning(message));
    }

    private void each(String event, Consumer<CycleListener> call) {
        for (CycleListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                failed(listener, event, e);
            }
        }
    }

    /** Tells the others; a listener that cannot even take a warning is left out of it. */
    private void failed(ApplyListener failed, String event, RuntimeException e) {
        String warning = "a listener (" + failed.getClass().getName() + ") failed on " + event + ": " + e;
        for (CycleListener listener : listeners) {
            if (listener != failed) {
                try {
                    listener.warning(warning);
                } catch (RuntimeException ignored) {
                    // it failed on its own warning too: nothing is left to tell
                }
            }
        }
    }
}
