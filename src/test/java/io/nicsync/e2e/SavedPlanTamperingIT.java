package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code nicsync apply FILE} with a plan file edited after {@code plan --out} wrote it, on the simulated cluster
 * (which holds web-01, in the desired state, and db-01, which is not): each edit is refused and nothing reaches the
 * API server; the file as written applies.
 */
class SavedPlanTamperingIT extends KubevirtScenarioIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEditedPlanChangesNothingAndTheOneAsWrittenApplies() throws Exception {
        ObjectNode db01 = Fixtures.web01();
        ((ObjectNode) db01.get("metadata")).put("name", "db-01");
        cluster(SimConfig.v1(6)).running().sim().createVm(db01);
        kubevirt.connect(dir);
        push(DesiredState.bridgeNic("red", "red"));
        Path saved = dir.resolve("plan.json");
        Cli plan = Cli.run("plan", "--repo", git.url(), "--allow-file", allowedFiles(), "--out", saved.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("Plan: 1 to add");

        Cli unlisted = applyEdited(saved, "unlisted", file -> {
            ObjectNode step = file.withArray("steps").get(0).deepCopy();
            ((ObjectNode) step.get("vm")).put("name", "db-01");
            file.withArray("steps").add(step);
        });
        Cli changed = applyEdited(saved, "changed", file -> file.withArray("steps").findParents("kind").forEach(
                network -> ((ObjectNode) network).put("name", "blue")));
        Cli outside = applyEdited(saved, "outside", file -> file.findParents("target").forEach(
                vm -> ((ObjectNode) vm).put("target", "../../victim"))); // the lock would be <dir>/victim.lock
        Cli invalid = applyEdited(saved, "invalid", file -> file.put("formatVersion", 1).put("then", "rm -rf /"));

        assertThat(unlisted.err()).contains("it has steps for sim/prod/db-01, which it does not list in its vms");
        assertThat(changed.err()).contains("step 1 is sim/prod/web-01 add red (", "but its commit plans sim/prod/web-01"
                + " add red (");
        assertThat(outside.err()).contains("does not follow plan.schema.json", "\"../../victim\" is not valid");
        assertThat(invalid.err()).contains("unknown key \"then\"");
        for (Cli refused : new Cli[] {unlisted, changed, outside, invalid}) {
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.err()).contains("nothing was changed");
        }
        assertThat(kubevirt.cluster().writes().all()).as("nothing written to the cluster").isEmpty();
        assertThat(dir.resolve("victim.lock")).doesNotExist();

        Cli asWritten = Cli.run("apply", saved.toString(), "--yes", "--allow-file", allowedFiles(),
                "--state-dir", dir.resolve("state").toString());
        assertThat(asWritten.exitCode()).as(asWritten.toString()).isZero();
        assertThat(kubevirt.attached("red")).isTrue();
    }

    /** {@code apply} of a copy of {@code saved} that {@code edit} changed. */
    private Cli applyEdited(Path saved, String name, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(Files.readString(saved));
        edit.accept(file);
        Path edited = Files.writeString(dir.resolve(name + ".json"), file.toPrettyString());
        return Cli.run("apply", edited.toString(), "--yes", "--allow-file", allowedFiles(),
                "--state-dir", dir.resolve("state").toString());
    }
}
