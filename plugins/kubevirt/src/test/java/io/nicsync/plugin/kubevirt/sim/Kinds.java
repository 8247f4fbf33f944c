package io.nicsync.plugin.kubevirt.sim;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.List;

/** The custom resources the simulated cluster serves. */
final class Kinds {
    static final CustomResourceDefinitionContext VM = kubevirt("VirtualMachine", "virtualmachines");
    /** VirtualMachines as the deprecated {@code kubevirt.io/v1alpha3} serves them ({@link ServedVersions}). */
    static final CustomResourceDefinitionContext VM_V1ALPHA3 = new CustomResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1alpha3").withKind("VirtualMachine").withPlural("virtualmachines")
            .withScope("Namespaced").build();
    static final CustomResourceDefinitionContext VMI = kubevirt("VirtualMachineInstance", "virtualmachineinstances");
    static final CustomResourceDefinitionContext MIGRATION =
            kubevirt("VirtualMachineInstanceMigration", "virtualmachineinstancemigrations");
    static final CustomResourceDefinitionContext KUBEVIRT = kubevirt("KubeVirt", "kubevirts");
    static final CustomResourceDefinitionContext NAD = new CustomResourceDefinitionContext.Builder()
            .withGroup("k8s.cni.cncf.io").withVersion("v1").withKind("NetworkAttachmentDefinition")
            .withPlural("network-attachment-definitions").withScope("Namespaced").build();

    static final List<CustomResourceDefinitionContext> ALL = List.of(VM, VMI, MIGRATION, KUBEVIRT, NAD);

    private Kinds() {
    }

    private static CustomResourceDefinitionContext kubevirt(String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder()
                .withGroup("kubevirt.io").withVersion("v1").withKind(kind).withPlural(plural)
                .withScope("Namespaced").build();
    }

    static String apiVersion(CustomResourceDefinitionContext kind) {
        return kind.getGroup() + "/" + kind.getVersion();
    }
}
