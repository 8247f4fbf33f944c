package io.nicsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.VmResult;
import io.nicsync.notify.Outbox;
import io.nicsync.plan.Scenario;
import io.nicsync.spi.Action;
import io.nicsync.spi.Announcement;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What an apply tells each VM's platform, and that a platform that cannot take it costs a warning, nothing more. */
class TargetAnnouncementsTest {
    private static final String COMMIT = "9f1c2e3d4b5a69788796a5b4c3d2e1f009182736";
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Test
    void hotplugsUnplugsRollbacksFailuresAndRestartsAreAnnouncedOnTheirVm() throws Exception {
        List<Step> steps = Scenario.load("several-vms").plan().steps();
        Step linkDown = steps.get(0);
        Step unplug = steps.get(1);
        Step add = steps.stream().filter(s -> s.action() == Action.ADD).findFirst().orElseThrow();
        VmRef web01 = unplug.vm();
        Outbox outbox = new Outbox("test", 10);
        TargetAnnouncements announcements = new TargetAnnouncements(Map.<String, Target>of("lab", new Recording())::get,
                COMMIT, outbox, warnings::add);

        announcements.stepDone(web01, 0, linkDown);
        announcements.stepDone(web01, 1, unplug);
        announcements.stepDone(add.vm(), 3, add);
        announcements.stepSkipped(web01, 2, linkDown, "allowRestart is false");
        announcements.vmFinished(new VmResult.RolledBack(web01, unplug, "refused", 1, List.of(), null));
        announcements.vmFinished(new VmResult.FailedLeft(web01, unplug, "refused", List.of(linkDown), null, null));
        announcements.vmFinished(new VmResult.Applied(add.vm(), 2, List.of()));
        outbox.close(Duration.ofSeconds(10));

        assertThat(said).containsExactly(
                "lab/web-01 NORMAL NicUnplugged: unplug old0 (commit 9f1c2e3d4b5a)",
                "lab/web-02 NORMAL NicHotplugged: add uplink on bridge br-prod (commit 9f1c2e3d4b5a)",
                "lab/web-01 WARNING RestartRequired: link old0 down: allowRestart is false (commit 9f1c2e3d4b5a)",
                "lab/web-01 WARNING NicChangeRolledBack: FAILED at unplug old0: refused; rolled back (1 step(s) undone)"
                        + " (commit 9f1c2e3d4b5a)",
                "lab/web-01 WARNING NicChangeFailed: FAILED at unplug old0: refused; left changed (1 step(s) in effect)"
                        + " (commit 9f1c2e3d4b5a)");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPlatformThatCannotTakeTheAnnouncementIsAWarningOnly() throws Exception {
        Step unplug = Scenario.load("several-vms").plan().steps().get(1);
        Outbox outbox = new Outbox("test", 10);
        Target refusing = new Recording() {
            @Override
            public void announce(VmRef vm, Announcement a) throws TargetException {
                throw new TargetException(TargetException.Reason.FORBIDDEN, "events is forbidden");
            }
        };
        new TargetAnnouncements(Map.of("lab", refusing)::get, COMMIT, outbox, warnings::add)
                .stepDone(unplug.vm(), 1, unplug);
        outbox.close(Duration.ofSeconds(10));

        assertThat(warnings).containsExactly("cannot record the event NicUnplugged on lab/web-01: events is forbidden");
    }

    private class Recording implements Target {
        @Override
        public void announce(VmRef vm, Announcement a) throws TargetException {
            said.add(vm + " " + a.type() + " " + a.reason() + ": " + a.message());
        }

        @Override
        public String name() {
            return "lab";
        }

        @Override
        public Capabilities capabilities() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LiveVm> observeAll() {
            return List.of();
        }

        @Override
        public LiveVm observe(VmRef vm) throws TargetException {
            throw new TargetException(TargetException.Reason.NOT_FOUND, vm.toString());
        }

        @Override
        public void execute(Step step, Duration timeout) {
            throw new UnsupportedOperationException("announcements never change a VM");
        }

        @Override
        public void close() {
        }
    }
}
