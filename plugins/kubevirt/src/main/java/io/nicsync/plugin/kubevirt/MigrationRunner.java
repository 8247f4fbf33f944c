package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.time.Instant;

/**
 * Live migrations that bring NIC changes into a running VM. On v1.6+ with {@code LiveMigrate} workload
 * updates KubeVirt migrates by itself ({@code MigrationRequired}), so the runner only waits; otherwise it
 * creates a VirtualMachineInstanceMigration and follows it to Succeeded or Failed.
 */
final class MigrationRunner {
    static final String RBAC_HINT = "since KubeVirt v1.5 namespace admins may no longer create "
            + "VirtualMachineInstanceMigrations (kubevirt/kubevirt#13497): grant this identity 'create' on "
            + "virtualmachineinstancemigrations.kubevirt.io (for example a RoleBinding to the kubevirt.io:migrate "
            + "ClusterRole), or let KubeVirt v1.6+ migrate by itself (workloadUpdateMethods: [LiveMigrate])";

    private final Api api;
    private final Waiter waiter;
    private final ClusterInfo cluster;

    MigrationRunner(Api api, Waiter waiter, ClusterInfo cluster) {
        this.api = api;
        this.waiter = waiter;
        this.cluster = cluster;
    }

    /** Migrates the VM (or waits for KubeVirt to) until {@code done} holds on the result. */
    void migrate(VmRef vm, Duration timeout, Waiter.Check done) throws TargetException {
        String subject = Failures.subject(vm.namespace(), vm.name(), null);
        ObservedVm before = waiter.look(vm.namespace(), vm.name());
        if (!before.running()) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": not running, nothing to migrate");
        }
        if (done.done(before)) {
            return;
        }
        String previous = uid(before.migrationState());
        if (cluster.migratesByItself()) {
            awaitAutomatic(vm, timeout, done, previous, subject);
        } else {
            follow(vm, create(vm, subject), timeout, done, subject);
        }
    }

    private void awaitAutomatic(VmRef vm, Duration timeout, Waiter.Check done, String previous, String subject)
            throws TargetException {
        boolean finished = waiter.until(vm.namespace(), vm.name(), timeout,
                o -> done.done(o) || failedSince(o, previous));
        ObservedVm after = waiter.look(vm.namespace(), vm.name());
        if (failedSince(after, previous)) {
            throw failed(subject, after);
        }
        if (!finished) {
            throw new TargetException(Reason.TIMEOUT, subject + ": KubeVirt did not migrate the VM within " + timeout
                    + " (MigrationRequired: " + after.migrationRequired().map(c -> c.path("status").asText() + " "
                            + c.path("reason").asText("")).orElse("absent") + ")");
        }
    }

    private String create(VmRef vm, String subject) throws TargetException {
        Instant now = waiter.pacer().now();
        String name = "nicsync-" + vm.name() + "-" + Long.toString(now.toEpochMilli(), 36);
        ObjectNode migration = TemplatePatch.JSON.createObjectNode();
        ObjectNode meta = migration.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", vm.namespace());
        meta.putObject("labels").put("app.kubernetes.io/managed-by", "nicsync");
        migration.putObject("spec").put("vmiName", vm.name());
        try {
            api.create(Resources.MIGRATION, migration);
            return name;
        } catch (KubernetesClientException e) {
            TargetException mapped = Failures.of(subject, e);
            if (e.getCode() == 403) {
                throw new TargetException(Reason.FORBIDDEN, mapped.getMessage() + "; " + RBAC_HINT, e);
            }
            throw mapped;
        }
    }

    private void follow(VmRef vm, String migration, Duration timeout, Waiter.Check done, String subject)
            throws TargetException {
        String[] phase = {""};
        boolean ended = waiter.until(vm.namespace(), vm.name(), timeout, o -> {
            phase[0] = phase(vm.namespace(), migration, subject);
            return phase[0].equals("Succeeded") || phase[0].equals("Failed");
        });
        if (!ended) {
            throw new TargetException(Reason.TIMEOUT, subject + ": migration " + migration + " still "
                    + (phase[0].isEmpty() ? "unscheduled" : phase[0]) + " after " + timeout);
        }
        ObservedVm after = waiter.look(vm.namespace(), vm.name());
        if (phase[0].equals("Failed")) {
            throw failed(subject + " migration " + migration, after);
        }
        if (!done.done(after)) {
            waiter.until(vm.namespace(), vm.name(), timeout, done);
        }
    }

    private String phase(String namespace, String migration, String subject) throws TargetException {
        try {
            JsonNode m = api.get(Resources.MIGRATION, namespace, migration);
            return m == null ? "" : m.path("status").path("phase").asText("");
        } catch (KubernetesClientException e) {
            throw Failures.of(subject, e);
        }
    }

    private static boolean failedSince(ObservedVm vm, String previousUid) {
        JsonNode state = vm.migrationState();
        return state != null && state.path("failed").asBoolean() && !uid(state).equals(previousUid);
    }

    private static TargetException failed(String subject, ObservedVm vm) {
        JsonNode state = vm.migrationState();
        String why = state == null ? "no reason given" : state.path("failureReason").asText("no reason given");
        return new TargetException(Reason.REFUSED, subject + ": migration failed: " + why);
    }

    private static String uid(JsonNode state) {
        return state == null ? "" : state.path("migrationUid").asText("");
    }
}
