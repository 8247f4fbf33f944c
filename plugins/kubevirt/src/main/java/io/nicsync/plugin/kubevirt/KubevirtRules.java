package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import java.util.List;

/** KubeVirt's rules on desired NICs, checked before anything connects. */
final class KubevirtRules {
    private KubevirtRules() {
    }

    static List<Finding> check(DesiredVm vm) {
        return List.of();
    }
}
