package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * The caller's permissions as the simulated cluster grants them: everything, except creating
 * VirtualMachineInstanceMigrations when the cluster plays a namespace admin on KubeVirt v1.5+, where the
 * aggregated admin role lost that verb (kubevirt/kubevirt#13497).
 */
final class Rbac {
    static final String USER = "system:serviceaccount:nicsync:nicsync";

    private Rbac() {
    }

    static MockResponse review(SimConfig config, ObjectNode review) {
        JsonNode attrs = review.path("spec").path("resourceAttributes");
        boolean denied = config.migrationsForbidden()
                && "virtualmachineinstancemigrations".equals(attrs.path("resource").asText())
                && "create".equals(attrs.path("verb").asText());
        ObjectNode status = review.putObject("status");
        status.put("allowed", !denied);
        if (denied) {
            status.put("reason", "no RBAC policy matched");
        }
        return Responses.json(201, review);
    }

    static MockResponse forbiddenMigration(String namespace) {
        return Responses.status(403, "Forbidden", "virtualmachineinstancemigrations.kubevirt.io is forbidden: User \""
                + USER + "\" cannot create resource \"virtualmachineinstancemigrations\" in API group \"kubevirt.io\""
                + " in the namespace \"" + namespace + "\"");
    }
}
