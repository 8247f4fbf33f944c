package io.nicsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.SourceSpec;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener that throws (a page that cannot draw, a notifier with a bug) is a warning to the others: the cycle's
 * report is kept, the reconciler is idle again, and every other listener still hears of every event.
 */
class ListenersTest {
    @TempDir
    Path dir;

    /** Throws on everything it is told. */
    private static final class Broken implements CycleListener {
        @Override
        public void finished(RunReport report) {
            throw new IllegalStateException("the page cannot draw");
        }

        @Override
        public void stepDone(VmRef vm, int index, Step step) {
            throw new IllegalStateException("the page cannot draw a step");
        }

        @Override
        public void warning(String message) {
            throw new IllegalStateException("not even a warning");
        }
    }

    /** Writes down what it is told. */
    private static final class Recording implements CycleListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void finished(RunReport report) {
            heard.add("finished " + report.outcome().label());
        }

        @Override
        public void stepDone(VmRef vm, int index, Step step) {
            heard.add("stepDone " + vm + " " + index);
        }

        @Override
        public void warning(String message) {
            heard.add("warning " + message);
        }
    }

    @Test
    void aCycleWhoseListenerThrowsIsStillKeptAndEnds() throws Exception {
        Recording recording = new Recording();
        Reconciler reconciler = new Reconciler(new Reconciler.Settings(SourceSpec.of(dir.resolve("none").toString()),
                Selection.ALL, TargetOverrides.NONE, dir.resolve("state"), Duration.ZERO, ApplyOverrides.NONE, "test"),
                Plugins.of(List.of()), Clock.systemUTC(), Sleeper.REAL).listener(new Broken()).listener(recording);

        RunReport report = reconciler.cycle();

        assertThat(report.outcome()).isEqualTo(RunOutcome.ERROR);
        assertThat(Files.readString(dir.resolve("state/reconcile/last-run.json"))).contains("\"outcome\" : \"error\"");
        assertThat(reconciler.lastRunJson()).hasValueSatisfying(json -> assertThat(json).contains(report.error()));
        assertThat(reconciler.progress().phase()).isEqualTo(CyclePhase.IDLE);
        assertThat(reconciler.progress().last()).isSameAs(report);
        assertThat(recording.heard).containsExactly("warning a listener (" + Broken.class.getName()
                + ") failed on finished: java.lang.IllegalStateException: the page cannot draw", "finished error");
        reconciler.close();
    }

    @Test
    void everyOtherListenerHearsOfAStepAListenerBeforeItFailedOn() {
        Recording first = new Recording();
        Recording last = new Recording();
        Listeners listeners = new Listeners();
        listeners.add(first);
        listeners.add(new Broken());
        listeners.add(last);
        VmRef web = VmRef.of("lab", "web-01");
        Step step = new SetLink(web, new NicSpec("uplink", null, NetworkRef.named("bridge", "br0"), null, null,
                LinkState.UP, null), LinkState.UP, LinkState.DOWN, false, "test");
        ApplyListener steps = listeners.steps();

        steps.stepDone(web, 0, step);

        assertThat(first.heard).containsExactly("stepDone lab/web-01 0", "warning a listener (" + Broken.class.getName()
                + ") failed on stepDone: java.lang.IllegalStateException: the page cannot draw a step");
        assertThat(last.heard).containsExactly("warning a listener (" + Broken.class.getName()
                + ") failed on stepDone: java.lang.IllegalStateException: the page cannot draw a step",
                "stepDone lab/web-01 0");
    }
}
