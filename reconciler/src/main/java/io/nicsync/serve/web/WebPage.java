package io.nicsync.serve.web;

import com.sun.net.httpserver.HttpHandler;
import io.nicsync.reconcile.CycleListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code serve}'s web page: read-only, every target and VM with its state and its NICs desired next to live, the
 * plan in the words of {@code nicsync plan}, the last runs with each step's outcome and timing from the journal.
 * Its one action, "run now", asks for a cycle as a push webhook does and needs the run token.
 *
 * <pre>{@code
 * GET  /                the page (index.html, app.js, app.css: all from this jar)
 * GET  /api/v1/fleet    {"runNow": bool, "version": n, "lastCycle": {...}, "targets": [...], "plan": "..."}
 * GET  /api/v1/runs     {"version": n, "runs": [{...report, "steps": [{vm, step, outcome, startedAt, seconds}]}]}
 * POST /api/v1/run      Authorization: Bearer <token>  ->  202 {"message": "accepted: a run starts now"}
 *                                                          | 401 | 403 (no token configured: read-only)
 * errors                {"error": "..."}, as the command line's -o json says them
 * }</pre>
 */
public final class WebPage {
    private final FleetState state;
    private final RunToken token;
    private final Consumer<String> log;

    /**
     * @param stateDir where the runs' journals are ({@code journal/})
     * @param kept the last cycle's report as the state directory kept it, shown until a cycle of this process ends
     * @param runToken null or empty: no token, "run now" is refused and the page does not offer it
     * @throws IllegalArgumentException the token is too short ({@link #checkRunToken})
     */
    public WebPage(Path stateDir, Optional<String> kept, byte[] runToken, Clock clock, Consumer<String> log) {
        this.state = new FleetState(clock, stateDir.resolve("journal"), kept);
        this.token = new RunToken(runToken);
        this.log = log;
    }

    /**
     * Refuses a run token short enough to be guessed (under 16 bytes) with an IllegalArgumentException that says so:
     * for {@code serve} to stop at start, before it reads or serves anything.
     */
    public static void checkRunToken(byte[] runToken) {
        RunToken.check(runToken);
    }

    /** Register this on the reconciler before its first cycle: it is what the page shows. */
    public CycleListener listener() {
        return state;
    }

    /**
     * The handlers by path, for the HTTP server.
     *
     * @param runNow asks for a cycle, as an accepted push does, and says when it runs ("a run starts now", "a run
     *     follows the cycle running since 12 s ago")
     */
    public Map<String, HttpHandler> routes(Supplier<String> runNow) {
        Api api = new Api(state, token, runNow, log);
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        routes.put("/", new Assets());
        routes.put("/api/v1/fleet", api::fleet);
        routes.put("/api/v1/runs", api::runs);
        routes.put("/api/v1/run", api::run);
        return routes;
    }
}
