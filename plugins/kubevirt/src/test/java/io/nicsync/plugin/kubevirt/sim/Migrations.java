package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * Migrations as virt-controller runs them, one phase per pass: Pending, Running, then Succeeded or Failed,
 * mirrored in the VMI's {@code status.migrationState}. A migration brings the VMI to a new pod, where all
 * pending interfaces are plugged and absent ones are gone. On v1.6+ a VMI whose NIC change needs a
 * migration gets the {@code MigrationRequired} condition (False/AutoMigrationPending, True after 15 s), and
 * the workload updater migrates it when the KubeVirt CR allows {@code LiveMigrate}.
 */
final class Migrations {
    static final Duration AUTO_MIGRATION_DELAY = Duration.ofSeconds(15);

    private final Simulator sim;
    private int created;

    Migrations(Simulator sim) {
        this.sim = sim;
    }

    boolean syncCondition(ObjectNode vmi) {
        if (sim.config().minor() < 6) {
            return false;
        }
        ObjectNode before = vmi.deepCopy();
        ArrayNode conditions = Json.arr(vmi, "status", "conditions");
        ObjectNode condition = Json.find(conditions, c -> "MigrationRequired".equals(c.path("type").asText()))
                .orElse(null);
        if (!needsMigration(vmi)) {
            Json.find(conditions, c -> c == condition).ifPresent(c -> conditions.remove(indexOf(conditions, c)));
        } else if (condition == null) {
            ObjectNode c = Launcher.condition("MigrationRequired", "False", "AutoMigrationPending");
            c.put("lastTransitionTime", sim.now().toString());
            conditions.add(c);
        } else if ("False".equals(condition.path("status").asText())
                && !sim.now().isBefore(since(condition).plus(AUTO_MIGRATION_DELAY))) {
            condition.put("status", "True");
            condition.put("lastTransitionTime", sim.now().toString());
        }
        boolean wrote = sim.store().update(Kinds.VMI, before, vmi);
        if (condition != null && "True".equals(condition.path("status").asText()) && sim.config().liveMigrateUpdates()
                && activeMigration(vmi) == null) {
            create(vmi);
            wrote = true;
        }
        return wrote;
    }

    /** Interfaces the running pod cannot get in place, or lose in place, or a changed NAD. */
    boolean needsMigration(ObjectNode vmi) {
        boolean inPlace = sim.config().dynamicNetworks();
        for (JsonNode iface : Nics.interfaces(Json.obj(vmi, "spec"))) {
            JsonNode entry = Json.named(Nics.status(vmi), iface.path("name").asText()).orElse(null);
            boolean bridge = "bridge".equals(Nics.binding(iface));
            if (!Nics.absent(iface) && !Nics.attached(entry) && !(inPlace && bridge)) {
                return true;
            }
            if (Nics.absent(iface) && entry != null && !inPlace) {
                return true;
            }
        }
        return sim.memo(vmi).networkChanged;
    }

    private static Instant since(JsonNode condition) {
        return Instant.parse(condition.path("lastTransitionTime").asText());
    }

    private void create(ObjectNode vmi) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        ObjectNode meta = m.putObject("metadata");
        meta.put("name", "kubevirt-workload-update-" + ++created);
        meta.put("namespace", vmi.path("metadata").path("namespace").asText());
        m.putObject("spec").put("vmiName", vmi.path("metadata").path("name").asText());
        sim.store().create(Kinds.MIGRATION, m);
    }

    private ObjectNode activeMigration(ObjectNode vmi) {
        for (ObjectNode m : sim.store().list(Kinds.MIGRATION)) {
            String phase = m.path("status").path("phase").asText("");
            if (m.path("spec").path("vmiName").asText().equals(vmi.path("metadata").path("name").asText())
                    && !phase.equals("Succeeded") && !phase.equals("Failed")) {
                return m;
            }
        }
        return null;
    }

    boolean sync(ObjectNode migration) {
        String phase = migration.path("status").path("phase").asText("");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
            return false;
        }
        ObjectNode before = migration.deepCopy();
        String ns = migration.path("metadata").path("namespace").asText();
        ObjectNode vmi = sim.store().get(Kinds.VMI, ns, migration.path("spec").path("vmiName").asText());
        ObjectNode status = Json.obj(migration, "status");
        if (vmi == null) {
            status.put("phase", "Failed");
        } else if (phase.isEmpty()) {
            status.put("phase", "Pending");
        } else if (phase.equals("Pending")) {
            status.put("phase", "Running");
            progress(vmi, migration, false);
        } else {
            boolean ok = sim.config().migrationSucceeds();
            status.put("phase", ok ? "Succeeded" : "Failed");
            progress(vmi, migration, true);
        }
        return sim.store().update(Kinds.MIGRATION, before, migration);
    }

    private void progress(ObjectNode vmi, ObjectNode migration, boolean ended) {
        ObjectNode before = vmi.deepCopy();
        ObjectNode state = Json.obj(vmi, "status", "migrationState");
        state.put("migrationUid", migration.path("metadata").path("uid").asText());
        state.put("sourceNode", vmi.path("status").path("nodeName").asText());
        state.put("targetNode", "node-2");
        state.put("startTimestamp", sim.now().toString());
        state.put("completed", ended);
        state.put("failed", false);
        if (ended && !sim.config().migrationSucceeds()) {
            state.put("failed", true);
            state.put("failureReason", "Live migration failed: target virt-launcher pod did not become ready");
        } else if (ended) {
            state.put("endTimestamp", sim.now().toString());
            Json.obj(vmi, "status").put("nodeName", "node-2");
            landOnNewPod(vmi);
        }
        sim.store().update(Kinds.VMI, before, vmi);
    }

    /** The target pod has every interface of the VMI spec: pending ones are plugged, absent ones are gone. */
    private void landOnNewPod(ObjectNode vmi) {
        ArrayNode status = Nics.status(vmi);
        for (JsonNode iface : Nics.interfaces(Json.obj(vmi, "spec"))) {
            String name = iface.path("name").asText();
            ObjectNode entry = Json.named(status, name).orElse(null);
            if (Nics.absent(iface)) {
                Json.removeNamed(status, name);
            } else if (!Nics.attached(entry) && sim.handler().freeSlots(vmi) > 0) {
                if (entry == null) {
                    entry = sim.handler().statusEntry(vmi, iface, Handler.POD_ONLY);
                    status.add(entry);
                }
                sim.handler().attach(vmi, iface, entry);
            }
        }
        sim.memo(vmi).networkChanged = false;
        LauncherPods.replumbAll(sim.memo(vmi), vmi);
        ArrayNode conditions = Json.arr(vmi, "status", "conditions");
        Json.find(conditions, c -> "MigrationRequired".equals(c.path("type").asText()))
                .ifPresent(c -> conditions.remove(indexOf(conditions, c)));
    }

    private static int indexOf(ArrayNode array, JsonNode element) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == element) {
                return i;
            }
        }
        return -1;
    }
}
