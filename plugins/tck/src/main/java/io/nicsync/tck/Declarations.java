package io.nicsync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.plan.PlannedVm;
import io.nicsync.platforms.Plugins;
import io.nicsync.schemas.PublishedSchemas;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of what a plugin declares, and of what it observes against those declarations. */
final class Declarations {
    private static final Schema META = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private Declarations() {
    }

    /** The plugin's declarations make nicsync's schemas: each a valid draft 2020-12 schema. */
    static void requireComposable(TargetPlugin plugin) {
        Plugins plugins = Plugins.of(List.of(plugin));
        for (Map.Entry<String, ? extends JsonNode> schema : PublishedSchemas.all(plugins).entrySet()) {
            assertThat(META.validate(schema.getValue())).as("%s composed with %s", schema.getKey(), plugin.kind())
                    .isEmpty();
        }
        assertThat(plugin.networkKinds()).as("network kinds").isNotEmpty()
                .extracting(NetworkKind::key).doesNotHaveDuplicates();
        assertThat(plugin.networkKinds()).as("declarable network kinds").anyMatch(NetworkKind::declarable);
    }

    static NetworkKind declarable(TargetPlugin plugin, String key) {
        return plugin.networkKinds().stream().filter(k -> k.key().equals(key) && k.declarable()).findFirst()
                .orElseThrow(() -> new AssertionError(plugin.kind() + " declares no network kind " + key
                        + " a NIC can be declared on"));
    }

    /** Every network the VM's NICs are on is of a kind the plugin declares, with the attributes declared. */
    static void requireDeclaredNetworks(TargetPlugin plugin, LiveVm vm) {
        for (LiveNic nic : vm.nics()) {
            for (var spec : new java.util.ArrayList<>(java.util.Arrays.asList(nic.live(), nic.persistent()))) {
                if (spec == null) {
                    continue;
                }
                NetworkRef ref = spec.network();
                NetworkKind kind = plugin.networkKinds().stream().filter(k -> k.key().equals(ref.kind())).findFirst()
                        .orElseThrow(() -> new AssertionError(vm.ref() + " NIC " + nic.label() + " is on a " + ref.kind()
                                + " network, a kind " + plugin.kind() + " does not declare"));
                List<String> names = kind.attributes().stream().map(NetworkKind.Attribute::name).toList();
                assertThat(names).as("attributes of %s's %s networks", plugin.kind(), kind.key())
                        .containsAll(ref.attributes().keySet());
                kind.attributes().stream().filter(NetworkKind.Attribute::required)
                        .forEach(a -> assertThat(ref.attributes()).as("%s on %s", a.name(), ref).containsKey(a.name()));
            }
        }
    }

    /**
     * A plan naming every NIC the VM has, as observed, is written as a plan file that the composed schema accepts and
     * read back equal.
     */
    static void requireWritablePlan(TargetPlugin plugin, LiveVm vm) throws Exception {
        List<Step> steps = new ArrayList<>();
        for (LiveNic nic : vm.nics()) {
            if (nic.live() != null) {
                steps.add(new UnplugNic(vm.ref(), nic.live(), "tck"));
            }
            if (nic.persistent() != null) {
                steps.add(new UnpersistNic(vm.ref(), nic.persistent(), "tck"));
            }
        }
        Plan plan = new Plan(Plan.FORMAT_VERSION, new DesiredSource("/tck", "0".repeat(40), "tck", "HEAD", ""),
                Instant.parse("2026-01-01T00:00:00Z"), List.of(new PlannedVm(vm.ref(), vm.power(), vm.fingerprint())),
                steps, List.of());
        String json = PlanFile.write(plan);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(PublishedSchemas.plan(Plugins.of(List.of(plugin))));
        assertThat(schema.validate(json, com.networknt.schema.InputFormat.JSON)).as("plan of %s:%n%s", vm.ref(), json)
                .isEmpty();
        assertThat(PlanFile.read(json)).isEqualTo(plan);
    }
}
