package io.nicsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.TargetLockTest.MutableClock;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.FakeCapabilities;
import io.nicsync.testing.FakeTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApplierTest {
    static final NicSpec OLD = nic("old", "52:54:00:00:00:01", "br-lab0", LinkState.UP);

    final MutableClock clock = new MutableClock();
    final Sleeper sleeper = clock::advance;
    final FakeTarget lab = new FakeTarget("lab", FakeCapabilities.libvirt());
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    static NicSpec nic(String name, String mac, String bridge, LinkState link) {
        return new NicSpec(name, mac == null ? null : MacAddress.parse(mac), NetworkRef.named("bridge", bridge), "virtio",
                null, link, null);
    }

    static LiveVm vm(String name) {
        return new LiveVm(VmRef.of("lab", name), PowerState.RUNNING, "pc",
                List.of(new LiveNic("old", OLD.mac(), OLD, OLD, "0000:00:03.0")),
                HotplugCapacity.slots(4, "4 free slots on pci.0"), new Fingerprint("f-" + name));
    }

    static List<Step> addAndPersist(VmRef vm, String nic) {
        NicSpec spec = nic(nic, null, "br-lab1", LinkState.UP);
        return List.of(new SetLink(vm, OLD, LinkState.UP, LinkState.DOWN, true, "link down"),
                new AddNic(vm, spec, "add"), new PersistNic(vm, spec, null, "persist"));
    }

    Applier applier(FailurePolicy onFailure, int parallelism, int maxFailed, boolean allowRestart) {
        ApplyOptions options = new ApplyOptions(parallelism, maxFailed, onFailure, Duration.ofSeconds(10), allowRestart);
        ApplyListener recorder = new ApplyListener() {
            @Override
            public void stepDone(VmRef vm, int index, Step step) {
                events.add(vm.name() + " done " + index);
            }

            @Override
            public void undone(VmRef vm, int index, Step inverse) {
                events.add(vm.name() + " undone " + index);
            }
        };
        return new Applier(Map.of("lab", lab), options, recorder, clock, sleeper);
    }

    /** What rollback must restore: everything observed except the fingerprint, which is recomputed. */
    static Object nicsOf(LiveVm vm) {
        return List.of(vm.power(), vm.nics(), vm.capacity());
    }

    @Test
    void everyStepIsExecutedVerifiedAndReported() throws Exception {
        lab.put(vm("a"));
        VmRef a = VmRef.of("lab", "a");

        ApplyReport report = applier(FailurePolicy.ROLLBACK, 1, 1, false).apply(addAndPersist(a, "new"));

        assertThat(report.exitCode()).isZero();
        assertThat(report.vms()).singleElement().isEqualTo(new VmResult.Applied(a, 3, List.of()));
        LiveVm now = lab.observe(a);
        assertThat(now.nic("new")).get().matches(n -> n.plugged() && n.persisted());
        assertThat(now.nic("old").orElseThrow().live().link()).isEqualTo(LinkState.DOWN);
        assertThat(events).containsExactly("a done 0", "a done 1", "a done 2");
    }

    @Test
    void aFailedStepRollsBackTheCompletedOnesInReverseAndRestoresTheVmExactly() throws Exception {
        lab.put(vm("a")).failStep(3);
        VmRef a = VmRef.of("lab", "a");
        Object before = nicsOf(lab.observe(a));

        ApplyReport report = applier(FailurePolicy.ROLLBACK, 1, 1, false).apply(addAndPersist(a, "new"));

        assertThat(report.exitCode()).isEqualTo(ExitCode.ROLLED_BACK.code());
        VmResult.RolledBack result = (VmResult.RolledBack) report.vms().getFirst();
        assertThat(result.failed()).isInstanceOf(PersistNic.class);
        assertThat(result.error()).contains("injected failure");
        assertThat(result.undone()).isEqualTo(2);
        assertThat(events).containsExactly("a done 0", "a done 1", "a undone 2", "a undone 1", "a undone 0");
        assertThat(nicsOf(lab.observe(a))).isEqualTo(before);
        assertThat(nicsOf(result.now())).isEqualTo(before);
    }

    @Test
    void anUnplugTheGuestNeverReleasesFailsAtTheStepTimeoutAndIsRolledBack() throws Exception {
        lab.put(vm("a")).neverRelease("old");
        VmRef a = VmRef.of("lab", "a");
        Object before = nicsOf(lab.observe(a));
        List<Step> plan = List.of(new SetLink(a, OLD, LinkState.UP, LinkState.DOWN, true, "carrier loss first"),
                new UnplugNic(a, OLD.withLink(LinkState.DOWN), "absent"));

        ApplyReport report = applier(FailurePolicy.ROLLBACK, 1, 1, false).apply(plan);

        VmResult.RolledBack result = (VmResult.RolledBack) report.vms().getFirst();
        assertThat(result.error()).contains("not seen on the VM within 10s");
        assertThat(clock.instant()).isAfterOrEqualTo(java.time.Instant.parse("2026-11-22T10:00:10Z"));
        assertThat(nicsOf(lab.observe(a))).isEqualTo(before);
    }

    @Test
    void onFailureStopLeavesTheVmChangedSaysWhatIsInEffectAndStartsNoOtherVm() throws Exception {
        lab.put(vm("a")).put(vm("b")).failStep(2);
        List<Step> plan = new ArrayList<>(addAndPersist(VmRef.of("lab", "a"), "new"));
        plan.addAll(addAndPersist(VmRef.of("lab", "b"), "new"));

        ApplyReport report = applier(FailurePolicy.STOP, 1, 5, false).apply(plan);

        assertThat(report.exitCode()).isEqualTo(ExitCode.LEFT_CHANGED.code());
        VmResult.FailedLeft left = (VmResult.FailedLeft) report.vms().get(0);
        assertThat(left.notUndone()).singleElement().isInstanceOf(SetLink.class);
        assertThat(left.now().nic("old").orElseThrow().live().link()).isEqualTo(LinkState.DOWN);
        assertThat(report.vms().get(1)).isInstanceOf(VmResult.NotStarted.class);
        assertThat(lab.observe(VmRef.of("lab", "b")).nic("new")).isEmpty();
    }

    @Test
    void noNewVmStartsOnceMaxFailedVmsHaveFailed() throws Exception {
        List<Step> plan = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            lab.put(vm(name));
            plan.addAll(addAndPersist(VmRef.of("lab", name), "new"));
        }
        lab.failStep(1);

        ApplyReport report = applier(FailurePolicy.ROLLBACK, 1, 1, false).apply(plan);

        assertThat(report.vms()).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("RolledBack", "NotStarted", "NotStarted");
        assertThat(((VmResult.NotStarted) report.vms().get(1)).why()).contains("maxFailedVms is 1");
    }

    @Test
    void aRestartRequiredStepIsReportedNotExecutedWhenRestartsAreNotAllowed() throws Exception {
        lab.put(vm("a"));
        VmRef a = VmRef.of("lab", "a");
        NicSpec e1000 = new NicSpec("old", OLD.mac(), OLD.network(), "e1000", null, LinkState.UP, null);
        List<Step> plan = List.of(new PersistNic(a, e1000, OLD, "model change"),
                new RestartRequired(a, List.of(e1000), "model cannot change live"));

        ApplyReport report = applier(FailurePolicy.ROLLBACK, 1, 1, false).apply(plan);

        VmResult.Applied applied = (VmResult.Applied) report.vms().getFirst();
        assertThat(applied.stepsDone()).isEqualTo(1);
        assertThat(applied.restartPending()).singleElement().isInstanceOf(RestartRequired.class);
        assertThat(lab.executed()).hasSize(1);
    }

    @Test
    void vmsRunInParallelUpToTheParallelismAndNoFurther() throws Exception {
        List<Step> plan = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            lab.put(vm(name));
            plan.add(new SetLink(VmRef.of("lab", name), OLD, LinkState.UP, LinkState.DOWN, false, "down"));
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoInFlight = new CountDownLatch(2);
        ApplyListener gate = new ApplyListener() {
            @Override
            public void vmStarted(VmRef vm, int steps) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                twoInFlight.countDown();
                try {
                    // Each VM waits until two are running at once: proves they overlap, whatever the timing.
                    assertThat(twoInFlight.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void vmFinished(VmResult result) {
                running.decrementAndGet();
            }
        };
        ApplyOptions options = new ApplyOptions(2, 1, FailurePolicy.ROLLBACK, Duration.ofSeconds(10), false);

        ApplyReport report = new Applier(Map.of("lab", lab), options, gate, clock, sleeper).apply(plan);

        assertThat(report.exitCode()).isZero();
        assertThat(most.get()).isEqualTo(2);
    }
}
