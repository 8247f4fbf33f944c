package io.nicsync.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyOptions;
import io.nicsync.apply.FailurePolicy;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.DesiredYaml;
import io.nicsync.testing.FakeCapabilities;
import io.nicsync.testing.FakeTarget;
import io.nicsync.validate.Config;
import io.nicsync.validate.DesiredState;
import io.nicsync.validate.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply FILE} with a plan file edited after {@code plan --out} wrote it, on a toy target: every tampering is
 * refused before a target executes anything or a lock file is named, and the untouched file applies.
 */
class SavedPlanTamperingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final VmRef WEB = VmRef.of("lab", "web-01");
    private static final VmRef DB = VmRef.of("lab", "db-01");
    private static final String COMMIT = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final FakeTarget lab = new FakeTarget("lab", FakeCapabilities.libvirt())
            .put(vm(WEB)).put(vm(DB));
    /** web-01 gets a NIC; db-01 is in the desired state too, with nothing to change. */
    private final DesiredState desired = new DesiredState(
            new Config(List.of(new TargetConfig("lab", "toy", Map.of())), Policy.defaults()),
            DesiredYaml.read("""
                    metadata: {name: web-01, target: lab}
                    spec:
                      nics:
                        - {name: blue, network: {bridge: br-blue}}
                    ---
                    metadata: {name: db-01, target: lab}
                    spec: {nics: []}
                    """));
    private final Plugins plugins = Plugins.of(List.of(new Toy()));

    @Test
    void theSavedPlanAsWrittenApplies() throws Exception {
        Plan saved = SavedPlans.read(PlanFile.write(planForWeb()), plugins);

        ApplyRun.Outcome outcome = apply(saved);

        assertThat(outcome.report().exitCode()).isZero();
        assertThat(lab.executed()).isNotEmpty().allSatisfy(step -> assertThat(step.vm()).isEqualTo(WEB));
    }

    @Test
    void aStepForAVmThePlanDoesNotListIsRefused() throws Exception {
        ObjectNode file = file(planForWeb());
        ObjectNode extra = ((ObjectNode) file.withArray("steps").get(0)).deepCopy();
        ((ObjectNode) extra.get("vm")).put("name", "db-01");
        file.withArray("steps").add(extra);
        Plan tampered = SavedPlans.read(file.toString(), plugins); // the schema cannot know which VMs are listed

        assertThatThrownBy(() -> apply(tampered)).isInstanceOf(TamperedPlanException.class)
                .hasMessageContaining("it has steps for lab/db-01, which it does not list in its vms");
        assertThat(lab.executed()).isEmpty();
    }

    @Test
    void aTargetThatWouldLeaveTheStateDirectoryIsRefusedByTheSchemaAndAgainBeforeAnyLock() throws Exception {
        ObjectNode file = file(planForWeb());
        for (var node : file.findParents("target")) {
            ((ObjectNode) node).put("target", "../../victim"); // its lock would be <dir>/victim.lock
        }

        assertThatThrownBy(() -> SavedPlans.read(file.toString(), plugins)).isInstanceOf(TamperedPlanException.class)
                .hasMessageContaining("plan.schema.json")
                .hasMessageContaining("vms[0].vm.target \"../../victim\" is not valid");
        // read without the schema, as an older reader would: refused before a lock file is named
        Plan unchecked = PlanFile.read(file.toString());
        assertThatThrownBy(() -> apply(unchecked)).isInstanceOf(TamperedPlanException.class)
                .hasMessageContaining("target '../../victim' of ../../victim/web-01 cannot be a target's name");
        assertThat(lab.executed()).isEmpty();
        assertThat(dir.resolve("victim.lock")).doesNotExist();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("victim"))).isEmpty();
        }
    }

    @Test
    void aChangedStepIsNotWhatTheCommitPlansAndIsRefused() throws Exception {
        ObjectNode file = file(planForWeb());
        for (var network : file.withArray("steps").findParents("kind")) {
            if (network.path("kind").asText().equals("bridge")) {
                ((ObjectNode) network).put("name", "br-evil");
            }
        }
        Plan tampered = SavedPlans.read(file.toString(), plugins);

        assertThatThrownBy(() -> apply(tampered)).isInstanceOf(TamperedPlanException.class)
                .hasMessageContaining("step 1 is lab/web-01 ")
                .hasMessageContaining("br-evil")
                .hasMessageContaining("but its commit plans lab/web-01 ");
        assertThat(lab.executed()).isEmpty();
    }

    @Test
    void aFileThatDoesNotFollowThePlanSchemaIsRefusedWithWhere() throws Exception {
        ObjectNode file = file(planForWeb());
        ((ObjectNode) file.withArray("steps").get(0)).put("action", "format-disk");
        file.put("runAfterwards", "rm -rf /");

        assertThatThrownBy(() -> SavedPlans.read(file.toString(), plugins)).isInstanceOf(TamperedPlanException.class)
                .hasMessageContaining("does not follow plan.schema.json")
                .hasMessageContaining("unknown key \"runAfterwards\"");
    }

    @Test
    void aVmTheCommitDoesNotDeclareIsRefused() throws Exception {
        lab.put(vm(VmRef.of("lab", "mail-01")));
        ObjectNode file = file(planForWeb());
        ArrayNode vms = file.withArray("vms");
        ObjectNode mail = vms.get(0).deepCopy();
        ((ObjectNode) mail.get("vm")).put("name", "mail-01");
        vms.add(mail);
        Plan tampered = SavedPlans.read(file.toString(), plugins);

        assertThatThrownBy(() -> apply(tampered)).isInstanceOf(TamperedPlanException.class)
                .hasMessageContaining("lab/mail-01 is not a VM of the desired state at commit " + COMMIT);
    }

    private ApplyRun.Outcome apply(Plan saved) throws Exception {
        ApplyOptions options = new ApplyOptions(1, 1, FailurePolicy.ROLLBACK, Duration.ofSeconds(5), false);
        ApplyRun run = new ApplyRun(new ApplyRun.Settings(dir.resolve("state"), Duration.ZERO, options, "test", false),
                CLOCK, d -> { });
        try (OpenTargets open = OpenTargets.open(desired.config().targets(), plugins, TargetOverrides.NONE,
                Set.of("lab"))) {
            return run.runSaved(saved, desired, open, new ApplyListener() { });
        }
    }

    /** What {@code plan --out --vm web-01} writes: the real planner on web-01 as the target shows it. */
    private Plan planForWeb() throws Exception {
        LiveVm web = lab.observe(WEB);
        return new Planner(CLOCK).plan(new DesiredSource("/repo", COMMIT, "Ada <ada@example.org>", "main", ""),
                List.of(new PlanInput(desired.vm(WEB).orElseThrow(), web, lab.capabilities())));
    }

    private static ObjectNode file(Plan plan) throws Exception {
        return (ObjectNode) JSON.readTree(PlanFile.write(plan));
    }

    private static LiveVm vm(VmRef ref) {
        return new LiveVm(ref, PowerState.RUNNING, "pc", List.of(), HotplugCapacity.slots(4, "4 free"),
                new Fingerprint(ref.name() + "-before"));
    }

    /** A plugin of bridges whose one target is {@link #lab}. */
    private final class Toy implements TargetPlugin {
        @Override
        public String kind() {
            return "toy";
        }

        @Override
        public List<NetworkKind> networkKinds() {
            return List.of(NetworkKind.hostBridge("a host bridge"));
        }

        @Override
        public Target open(TargetConfig config) {
            return lab;
        }
    }
}
