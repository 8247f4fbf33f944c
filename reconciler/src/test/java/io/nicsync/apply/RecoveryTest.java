package io.nicsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.JournalEvent.Kind;
import io.nicsync.apply.TargetLockTest.MutableClock;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.FakeCapabilities;
import io.nicsync.testing.FakeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed in the middle of a step: its journal says what may have happened; recovery finishes it. */
class RecoveryTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock();
    final FakeTarget lab = new FakeTarget("lab", FakeCapabilities.libvirt());
    final VmRef a = VmRef.of("lab", "a");
    final VmRef b = VmRef.of("lab", "b");
    final List<Step> plan = new ArrayList<>();

    /** Steps 0 and 1 of VM a done, step 2 executed but the process died before journaling it done. */
    InterruptedRun killedDuringStep2() throws Exception {
        lab.put(ApplierTest.vm("a")).put(ApplierTest.vm("b"));
        plan.addAll(ApplierTest.addAndPersist(a, "new"));
        plan.addAll(ApplierTest.addAndPersist(b, "new"));
        try (Journal journal = Journal.create(dir, "run-1", new byte[0])) {
            journal.record(new JournalEvent(clock.instant(), Kind.RUN_STARTED, null, -1, null));
            JournalListener record = new JournalListener(journal, clock);
            for (int i = 0; i < 3; i++) {
                record.beforeStep(a, i, plan.get(i));
                lab.execute(plan.get(i), Duration.ofSeconds(1));
                if (i < 2) {
                    record.stepDone(a, i, plan.get(i));
                }
            }
        }
        return JournalReader.interrupted(dir).getFirst();
    }

    Recovery recovery() {
        return new Recovery(Map.of("lab", lab), Duration.ofSeconds(10), new ApplyListener() { }, clock, clock::advance);
    }

    @Test
    void rollingBackPutsTheTouchedVmBackAndLeavesTheUntouchedOneAlone() throws Exception {
        Object before = ApplierTest.nicsOf(ApplierTest.vm("a"));
        InterruptedRun run = killedDuringStep2();
        assertThat(run.possiblyApplied()).containsExactly(0, 1, 2);

        ApplyReport report = recovery().rollBack(run, plan);

        assertThat(report.vms()).singleElement().isInstanceOf(VmResult.RolledBack.class);
        assertThat(ApplierTest.nicsOf(lab.observe(a))).isEqualTo(before);
        assertThat(lab.observe(b).nic("new")).isEmpty();
    }

    @Test
    void rollingBackTwiceIsHarmless() throws Exception {
        InterruptedRun run = killedDuringStep2();
        recovery().rollBack(run, plan);
        LiveVm once = lab.observe(a);
        int executed = lab.executed().size();

        ApplyReport again = recovery().rollBack(run, plan);

        assertThat(again.exitCode()).isEqualTo(ExitCode.ROLLED_BACK.code());
        assertThat(lab.executed()).hasSize(executed);
        assertThat(lab.observe(a)).isEqualTo(once);
    }

    @Test
    void completingTakesTheStepInEffectAsDoneAndFinishesOnlyTheVmsTheRunHadStarted() throws Exception {
        InterruptedRun run = killedDuringStep2();
        int executed = lab.executed().size();

        ApplyReport report = recovery().complete(run, plan);

        assertThat(report.vms()).singleElement().isEqualTo(new VmResult.Applied(a, 1, List.of()));
        assertThat(lab.executed()).as("step 2 was already in effect").hasSize(executed);
        assertThat(lab.observe(a).nic("new")).get().matches(n -> n.plugged() && n.persisted());
        assertThat(lab.observe(b).nic("new")).isEmpty();
    }
}
