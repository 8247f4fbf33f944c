package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Set;

/** Targets of kind {@code kubevirt}: a Kubernetes cluster running KubeVirt, by kubeconfig context or in-cluster. */
public final class KubevirtPlugin implements TargetPlugin {

    @Override
    public String kind() {
        return "kubevirt";
    }

    @Override
    public Set<String> networkKinds() {
        return Set.of("multus", "pod");
    }

    @Override
    public List<Finding> check(DesiredVm vm) {
        return KubevirtRules.check(vm);
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        throw new TargetException(TargetException.Reason.UNSUPPORTED,
                "target " + config.name() + ": connecting to KubeVirt is not implemented yet");
    }
}
