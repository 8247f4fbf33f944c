package io.nicsync.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * What rbac.yaml grants the ServiceAccount {@code nicsync/nicsync}: the rules of the roles bound to it, each
 * with the namespace it holds in (null: every namespace). Wildcards are refused outright.
 */
final class RbacRules {
    record Grant(String namespace, PolicyRule rule) {
        boolean allows(Access access) {
            return (namespace == null || namespace.equals(access.namespace()))
                    && rule.getApiGroups().contains(access.group())
                    && rule.getResources().contains(access.resource())
                    && rule.getVerbs().contains(access.verb())
                    && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                            || rule.getResourceNames().contains(access.name()));
        }

        /** Every (verb, resource) this grant allows, as {@link Access#grant} spells them. */
        List<String> grants() {
            List<String> out = new ArrayList<>();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        out.add(new Access(verb, group, resource, null, null).grant());
                    }
                }
            }
            return out;
        }
    }

    private RbacRules() {
    }

    static List<Grant> forServiceAccount(String namespace, String name) {
        List<HasMetadata> rbac = Manifests.file("rbac.yaml");
        List<Grant> grants = new ArrayList<>();
        for (HasMetadata object : rbac) {
            if (object instanceof ClusterRoleBinding b && bindsTo(b.getSubjects(), namespace, name)) {
                grants.addAll(rules(rbac, b.getRoleRef(), null));
            }
            if (object instanceof RoleBinding b && bindsTo(b.getSubjects(), namespace, name)) {
                grants.addAll(rules(rbac, b.getRoleRef(), b.getMetadata().getNamespace()));
            }
        }
        return grants;
    }

    private static boolean bindsTo(List<Subject> subjects, String namespace, String name) {
        return subjects.stream().anyMatch(s -> s.getKind().equals("ServiceAccount") && s.getName().equals(name)
                && s.getNamespace().equals(namespace));
    }

    private static List<Grant> rules(List<HasMetadata> rbac, RoleRef ref, String namespace) {
        for (HasMetadata object : rbac) {
            if (!object.getMetadata().getName().equals(ref.getName()) || !object.getKind().equals(ref.getKind())) {
                continue;
            }
            List<PolicyRule> rules = object instanceof ClusterRole c ? c.getRules() : ((Role) object).getRules();
            if (object instanceof Role && !object.getMetadata().getNamespace().equals(namespace)) {
                throw new AssertionError("RoleBinding in " + namespace + " refers to a Role in another namespace");
            }
            for (PolicyRule rule : rules) {
                List<String> all = new ArrayList<>(rule.getApiGroups());
                all.addAll(rule.getResources());
                all.addAll(rule.getVerbs());
                if (all.stream().anyMatch(s -> s.contains("*"))) {
                    throw new AssertionError(ref.getName() + " grants a wildcard: " + rule);
                }
            }
            return rules.stream().map(rule -> new Grant(namespace, rule)).toList();
        }
        throw new AssertionError(ref.getKind() + " " + ref.getName() + " is bound but not in rbac.yaml");
    }
}
