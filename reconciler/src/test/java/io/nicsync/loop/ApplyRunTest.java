package io.nicsync.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.JournalReader;
import io.nicsync.apply.FailurePolicy;
import io.nicsync.apply.Journal;
import io.nicsync.apply.JournalListener;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.plan.PlannedVm;
import io.nicsync.plan.StalePlanException;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.DesiredYaml;
import io.nicsync.testing.FakeCapabilities;
import io.nicsync.testing.FakeTarget;
import io.nicsync.validate.Config;
import io.nicsync.validate.DesiredState;
import io.nicsync.validate.Policy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apply after a crash: it recovers the interrupted run first, which changes the VMs its plan was made
 * from. A plan made from the repository is made again; a saved plan is refused as stale.
 */
class ApplyRunTest {
    private static final VmRef A = VmRef.of("lab", "a");
    private static final NicSpec NEW = new NicSpec("new", null, NetworkRef.named("bridge", "br-lab1"), "virtio", null,
            LinkState.UP, null);
    private static final List<Step> ADD_AND_PERSIST = List.of(new AddNic(A, NEW, "add"),
            new PersistNic(A, NEW, null, "persist"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), java.time.ZoneOffset.UTC);

    @TempDir
    Path state;

    private final FakeTarget lab = new FakeTarget("lab", FakeCapabilities.libvirt())
            .put(new LiveVm(A, PowerState.RUNNING, "pc", List.of(), HotplugCapacity.slots(4, "4 free"),
                    new Fingerprint("before")));

    @Test
    void aPlanFromTheRepositoryIsMadeAgainAfterTheRecoveryChangedItsVms() throws Exception {
        killedAfterTheAdd();
        Plan beforeRecovery = plan(ADD_AND_PERSIST.subList(1, 2)); // what the half-applied VM needed
        AtomicInteger replans = new AtomicInteger();

        ApplyRun.Outcome outcome = run().run(beforeRecovery, () -> {
            replans.incrementAndGet();
            try {
                return plan(ADD_AND_PERSIST);
            } catch (TargetException e) {
                throw RunFailure.of(e);
            }
        }, targets(), new ApplyListener() { });

        assertThat(replans).hasValue(1);
        assertThat(outcome.recovered()).hasSize(1);
        assertThat(outcome.report().exitCode()).isZero();
        assertThat(lab.observe(A).nic("new").orElseThrow().persisted()).isTrue();
    }

    @Test
    void aSavedPlanIsStaleOnceTheRecoveryChangedItsVms() throws Exception {
        killedAfterTheAdd();
        Plan saved = plan(ADD_AND_PERSIST.subList(1, 2));

        DesiredState desired = new DesiredState(new Config(List.of(new TargetConfig("lab", "fake", Map.of())),
                Policy.defaults()), DesiredYaml.read("""
                        metadata: {name: a, target: lab}
                        spec:
                          nics:
                            - {name: new, network: {bridge: br-lab1}}
                        """));

        assertThatThrownBy(() -> run().runSaved(saved, desired, targets(), new ApplyListener() { }))
                .isInstanceOf(RunFailure.Stale.class).hasCauseInstanceOf(StalePlanException.class);
    }

    @Test
    void aJournalTornMidLineAndMidCharacterIsRecoveredAndEndedExactlyOnce() throws Exception {
        killedAfterTheAdd();
        Path journal = state.resolve("journal/killed.jsonl");
        // killed while writing the next line, in the middle of the two bytes of an "é"
        byte[] line = "{\"at\":\"2026-11-22T10:00:01Z\",\"event\":\"step-failed\",\"detail\":\"r\u00e9seau\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        int cut = new String(line, StandardCharsets.UTF_8).indexOf('\u00e9') + 1;
        Files.write(journal, Arrays.copyOf(line, cut), StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        ApplyListener listener = new ApplyListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };

        List<ApplyReport> first = run().recover(targets(), listener);
        List<ApplyReport> second = run().recover(targets(), listener);

        assertThat(first).hasSize(1);
        assertThat(first.getFirst().exitCode()).isEqualTo(3); // rolled back
        assertThat(lab.observe(A).nic("new")).isEmpty();
        assertThat(lab.executed()).hasSize(2); // the add, and its undo once
        assertThat(second).isEmpty();
        assertThat(JournalReader.interrupted(state.resolve("journal"))).isEmpty();
        assertThat(warnings).singleElement().asString().contains("cut a torn last line of " + cut + " byte(s)");
        assertThat(Files.readAllLines(journal).getLast()).contains("\"event\":\"run-finished\"")
                .contains("recovered: rolled back").startsWith("{");
    }

    @Test
    void aRunWhosePlanChangedAfterItStartedIsNotRecovered() throws Exception {
        killedAfterTheAdd();
        Path plan = state.resolve("journal/killed.plan.json");
        Files.writeString(plan, Files.readString(plan).replace("br-lab1", "br-evil"));

        assertThatThrownBy(() -> run().recover(targets(), new ApplyListener() { }))
                .isInstanceOf(RunFailure.Journal.class)
                .hasMessageContaining("is not the one the run started with");
        assertThat(lab.executed()).hasSize(1); // only the add of the killed run
    }

    /** A run that added the NIC, journaled it done and was killed before persisting it. */
    private void killedAfterTheAdd() throws Exception {
        byte[] plan = PlanFile.write(plan(ADD_AND_PERSIST)).getBytes(StandardCharsets.UTF_8);
        try (Journal journal = Journal.create(state.resolve("journal"), "killed", plan)) {
            journal.started(CLOCK.instant());
            JournalListener record = new JournalListener(journal, CLOCK);
            record.beforeStep(A, 0, ADD_AND_PERSIST.get(0));
            lab.execute(ADD_AND_PERSIST.get(0), Duration.ofSeconds(1));
            record.stepDone(A, 0, ADD_AND_PERSIST.get(0));
        }
    }

    /** A plan of {@code steps} for the VM as the target shows it now. */
    private Plan plan(List<Step> steps) throws io.nicsync.spi.TargetException {
        LiveVm now = lab.observe(A);
        return new Plan(Plan.FORMAT_VERSION, new DesiredSource("/repo", "c0ffee", "Ada <ada@example.org>", "HEAD", ""),
                CLOCK.instant(), List.of(new PlannedVm(A, now.power(), now.fingerprint())), steps, List.of());
    }

    private ApplyRun run() {
        ApplyOptions options = new ApplyOptions(1, 1, FailurePolicy.ROLLBACK, Duration.ofSeconds(5), false);
        return new ApplyRun(new ApplyRun.Settings(state, Duration.ZERO, options, "test", false), CLOCK, d -> { });
    }

    private OpenTargets targets() throws Exception {
        TargetPlugin fake = new TargetPlugin() {
            @Override
            public String kind() {
                return "fake";
            }

            @Override
            public List<NetworkKind> networkKinds() {
                return List.of();
            }

            @Override
            public Target open(TargetConfig config) {
                return lab;
            }
        };
        return OpenTargets.open(List.of(new TargetConfig("lab", "fake", Map.of())), Plugins.of(List.of(fake)),
                TargetOverrides.NONE, Set.of("lab"));
    }
}
