package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The API resources the plugin reads and writes; fabric8 has no model classes for them. */
final class Resources {
    static final ResourceDefinitionContext VM = kubevirt("VirtualMachine", "virtualmachines");
    static final ResourceDefinitionContext VMI = kubevirt("VirtualMachineInstance", "virtualmachineinstances");
    static final ResourceDefinitionContext MIGRATION =
            kubevirt("VirtualMachineInstanceMigration", "virtualmachineinstancemigrations");
    static final ResourceDefinitionContext KUBEVIRT = kubevirt("KubeVirt", "kubevirts");
    static final ResourceDefinitionContext NAD = new ResourceDefinitionContext.Builder()
            .withGroup("k8s.cni.cncf.io").withVersion("v1").withKind("NetworkAttachmentDefinition")
            .withPlural("network-attachment-definitions").withNamespaced(true).build();

    private Resources() {
    }

    private static ResourceDefinitionContext kubevirt(String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup("kubevirt.io").withVersion("v1").withKind(kind).withPlural(plural).withNamespaced(true)
                .build();
    }
}
