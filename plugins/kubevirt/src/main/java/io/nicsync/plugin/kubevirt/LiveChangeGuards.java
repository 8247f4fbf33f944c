package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import java.util.Optional;

/**
 * What the cluster's release and configuration allow on a running VM, checked before a live step writes the
 * template: a change meant to reach the running VM that KubeVirt would only keep for the next start is refused,
 * so that a live step never turns into a restart-only change unannounced. Persistent writes need no such check.
 */
final class LiveChangeGuards {
    static final String NAD_CHANGE_NEEDS = "changing the NetworkAttachmentDefinition of a running VM needs KubeVirt"
            + " v1.9, or v1.8 with the LiveUpdateNADRef feature gate";
    private final KubevirtCapabilities capabilities;

    LiveChangeGuards(KubevirtCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /**
     * A change that must reach a running VM (plug, unplug, link, NAD): refused where KubeVirt would only keep it in
     * the template until a restart. A VM that does not run takes any change.
     */
    void requireLiveChanges(String subject, ObservedVm vm) throws TargetException {
        ClusterInfo cluster = capabilities.cluster();
        if (vm.vmi() != null && cluster.hotplugGateMissing()) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": KubeVirt " + cluster.version()
                    + " plugs NICs only with the HotplugNICs feature gate (KubeVirt CR "
                    + "spec.configuration.developerConfiguration.featureGates)");
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
        if (vm.vmi() != null && !capabilities.cluster().liveNadChange()) {
            throw new TargetException(Reason.UNSUPPORTED, subject + ": " + NAD_CHANGE_NEEDS + ", the cluster runs "
                    + capabilities.cluster().version() + "; otherwise it needs a restart");
        }
    }
}
