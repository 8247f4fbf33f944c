package io.nicsync.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.OperatorAllows;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceFile;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.FakeCapabilities;
import io.nicsync.testing.FakePlugin;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Targets opened and listed while the desired state validates: taken when the validated state uses them with the
 * same settings, closed unused otherwise, and their errors reported only for a target the plan needs.
 */
class EarlyTargetsTest {
    /** The fake libvirt targets here are named by local URIs of their own, which the operator allows. */
    private static final OperatorAllows LOCAL_QEMU_URIS = new OperatorAllows(List.of("qemu://"), List.of());
    private static final TargetOverrides LOCAL_QEMU = TargetOverrides.NONE.allowing(LOCAL_QEMU_URIS);

    private static final int VMS = Observation.LOOKUPS_UP_TO + 4;

    /** Targets of kind libvirt in memory: what was opened with which settings, listed and closed. */
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> listed = new CopyOnWriteArrayList<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private final CountDownLatch allClosed = new CountDownLatch(1);
    private final AtomicInteger openNow = new AtomicInteger();
    private final Plugins plugins = plugins();

    @Test
    void targetsOpenedEarlyAreTakenWithTheirListingAndTheUnusedOnesClosed() throws Exception {
        Snapshot snapshot = snapshot(config("qemu:///lab"), VMS);
        Planned planned = plan(snapshot, LOCAL_QEMU);

        assertThat(planned.plan().vms()).hasSize(VMS);
        awaitUntil(() -> opened.size() == 2); // the unused target is opened in the background
        assertThat(opened).containsExactlyInAnyOrder("lab qemu:///lab", "spare qemu:///spare");
        assertThat(listed).containsExactly("lab"); // once: the early listing was the one observed
        assertThat(allClosed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closed).containsExactly("lab"); // spare failed to open: nothing to close, no error
    }

    @Test
    void aTargetOpenedEarlyWithOtherSettingsIsOpenedAgainAsValidated() throws Exception {
        Snapshot snapshot = snapshot(config("qemu:///lab"), VMS);
        Validator validator = new Validator(plugins);
        try (EarlyTargets early = EarlyTargets.start(snapshot, validator, plugins, LOCAL_QEMU, Selection.ALL,
                Target::observeAll)) {
            Desired desired = Desired.validate("repo", snapshot, validator, new ValidationCache());
            TargetConfig other = new TargetConfig("lab", "libvirt", Map.of("uri", "qemu:///elsewhere"));
            try (OpenTargets open = early.take(List.of(other), plugins)) {
                assertThat(open.get("lab")).isNotNull();
                assertThat(Observation.observe(desired, Selection.ALL, open, early.listing(Target::observeAll))
                        .inputs()).hasSize(VMS);
            }
        }
        awaitUntil(() -> listed.size() == 2); // the early one, opened and listed in the background, unused
        assertThat(opened).contains("lab qemu:///lab", "lab qemu:///elsewhere");
        assertThat(listed).containsExactly("lab", "lab");
    }

    @Test
    void anInvalidDesiredStateReportsItsErrorsAndClosesWhatWasOpenedEarly() throws Exception {
        List<SourceFile> files = new ArrayList<>(snapshot(config("qemu:///lab"), VMS).files());
        files.add(file("broken.yaml", "apiVersion: nicsync.io/v1alpha1\nkind: VmNics\nmetadata: {name: x}\n"));
        Snapshot snapshot = new Snapshot("0".repeat(40), "a", Instant.EPOCH, "main", "", files);

        assertThatThrownBy(() -> plan(snapshot, LOCAL_QEMU)).isInstanceOf(InvalidDesiredStateException.class);
        assertThat(allClosed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(opened).contains("lab qemu:///lab");
        assertThat(closed).containsExactly("lab");
    }

    @Test
    void anUnusedTargetsFailureIsNotReportedAndAUsedOnesIs() throws Exception {
        Snapshot snapshot = snapshot(config("qemu:///lab"), VMS);
        // "spare" cannot be opened; no VM is on it
        assertThat(plan(snapshot, LOCAL_QEMU).plan().vms()).hasSize(VMS);

        Snapshot broken = snapshot(config("qemu:///unreachable"), VMS);
        assertThatThrownBy(() -> plan(broken, LOCAL_QEMU)).isInstanceOfSatisfying(RunFailure.Platform.class,
                e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.UNREACHABLE))
                .hasMessageContaining("unreachable");
    }

    @Test
    void overridesApplyToTheEarlyOpeningAndAFewVmsOrAVmSelectionOpenNothingEarly() throws Exception {
        plan(snapshot(config("qemu:///lab"), VMS),
                TargetOverrides.endpoint("lab", "qemu:///override").allowing(LOCAL_QEMU_URIS));
        awaitUntil(() -> opened.size() == 2); // the unused target is opened in the background, its failure dropped
        assertThat(opened).containsExactlyInAnyOrder("lab qemu:///override", "spare qemu:///spare");

        opened.clear();
        Snapshot few = snapshot(config("qemu:///lab"), Observation.LOOKUPS_UP_TO);
        assertThat(EarlyTargets.start(few, new Validator(plugins), plugins, LOCAL_QEMU, Selection.ALL,
                Target::observeAll).take(List.of(), plugins).byName()).isEmpty();
        Snapshot many = snapshot(config("qemu:///lab"), VMS);
        assertThat(EarlyTargets.start(many, new Validator(plugins), plugins, LOCAL_QEMU,
                new Selection(Set.of(), Set.of("vm-01")), Target::observeAll).take(List.of(), plugins).byName())
                .isEmpty();
        assertThat(opened).isEmpty();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private Planned plan(Snapshot snapshot, TargetOverrides overrides) throws Exception {
        return Planned.of("repo", snapshot, plugins, overrides, Selection.ALL, java.time.Clock.systemUTC());
    }

    private Plugins plugins() {
        return FakePlugin.with("libvirt", config -> {
            String uri = config.setting("uri").orElseThrow();
            opened.add(config.name() + " " + uri);
            if (uri.contains("spare") || uri.contains("unreachable")) {
                throw new TargetException(TargetException.Reason.UNREACHABLE, "target " + config.name()
                        + ": " + uri + " is unreachable");
            }
            openNow.incrementAndGet();
            return new Listed(config.name());
        });
    }

    /** A target with VMS stopped VMs and no NICs. */
    private final class Listed implements Target {
        private final String name;

        Listed(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Capabilities capabilities() {
            return FakeCapabilities.libvirt();
        }

        @Override
        public List<LiveVm> observeAll() {
            listed.add(name);
            List<LiveVm> vms = new ArrayList<>();
            for (int i = 1; i <= VMS; i++) {
                vms.add(live(i));
            }
            return vms;
        }

        @Override
        public LiveVm observe(VmRef vm) {
            return live(Integer.parseInt(vm.name().substring(3)));
        }

        private LiveVm live(int i) {
            return new LiveVm(new VmRef(name, null, String.format("vm-%02d", i)), PowerState.STOPPED, null, List.of(),
                    HotplugCapacity.slots(4, "four"), new Fingerprint("1"));
        }

        @Override
        public void execute(Step step, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed.add(name);
            if (openNow.decrementAndGet() == 0) {
                allClosed.countDown();
            }
        }
    }

    private static Snapshot snapshot(String config, int vms) {
        List<SourceFile> files = new ArrayList<>();
        files.add(file("nicsync.yaml", config));
        for (int i = 1; i <= vms; i++) {
            files.add(file(String.format("vm-%02d.yaml", i), """
                    apiVersion: nicsync.io/v1alpha1
                    kind: VmNics
                    metadata: {name: vm-%02d, target: lab}
                    spec: {nics: []}
                    """.formatted(i)));
        }
        return new Snapshot("0".repeat(40), "a", Instant.EPOCH, "main", "", files);
    }

    private static String config(String labUri) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - {name: lab, kind: libvirt, uri: "%s"}
                  - {name: spare, kind: libvirt, uri: "qemu:///spare"}
                """.formatted(labUri);
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
