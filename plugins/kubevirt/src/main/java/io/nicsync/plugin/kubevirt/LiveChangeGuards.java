package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import java.util.Optional;

/**
 * What the cluster's release and configuration allow on a running VM, checked before a template write:
 * a change KubeVirt would not carry into the VMI must not be written at all.
 */
final class LiveChangeGuards {
    private final KubevirtCapabilities capabilities;

    LiveChangeGuards(KubevirtCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /**
     * A template change of a running VM that KubeVirt would not carry into the VMI only sets RestartRequired:
     * refused. A VM that does not run takes any change.
     */
    void requireLiveChanges(String subject, ObservedVm vm) throws TargetException {
        if (vm.vmi() == null) {
            return;
        }
        ClusterInfo cluster = capabilities.cluster();
        if (cluster.hotplugGateMissing()) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": KubeVirt " + cluster.version()
                    + " plugs NICs only with the HotplugNICs feature gate (KubeVirt CR "
                    + "spec.configuration.developerConfiguration.featureGates)");
        }
        if (cluster.templateChangesStaged()) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": vmRolloutStrategy is not LiveUpdate, so "
                    + "template changes wait for a restart (KubeVirt CR spec.configuration.vmRolloutStrategy)");
        }
    }

    void requireCapacity(String subject, ObservedVm vm, String nic) throws TargetException {
        if (vm.vmiInterface(nic) != null || capabilities.hotplugMode() != HotplugMode.IN_PLACE) {
            return;
        }
        HotplugCapacity capacity = PlaceholderCapacity.of(capabilities.cluster().version(), vm.vmi());
        if (capacity.freeSlots() == 0) {
            throw new TargetException(Reason.NO_CAPACITY, subject + ": no free interface slot (" + capacity.detail()
                    + ")");
        }
    }

    /** An interface with {@code binding} can have a link state here: the release has it, the binding takes it. */
    void requireLinkState(String subject, String binding) throws TargetException {
        Optional<String> refusal = capabilities.linkStateRefusal(binding);
        if (refusal.isPresent()) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": " + refusal.get());
        }
    }

    void requireRepoint(String subject, ObservedVm vm) throws TargetException {
        if (vm.vmi() != null && !capabilities.cluster().version().atLeast(8)) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": changing the NetworkAttachmentDefinition of "
                    + "a running VM needs KubeVirt v1.8 (LiveUpdateNADRef); before, it needs a restart");
        }
    }
}
