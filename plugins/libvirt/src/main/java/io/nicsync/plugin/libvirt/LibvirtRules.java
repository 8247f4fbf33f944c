package io.nicsync.plugin.libvirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's rules on desired NICs, checked before anything connects. Keys that only KubeVirt has are
 * errors, not warnings: a libvirt NIC would silently ignore them, and a user who wrote one expects an
 * effect that will never come.
 */
final class LibvirtRules {
    private LibvirtRules() {
    }

    static List<Finding> check(DesiredVm vm) {
        List<Finding> findings = new ArrayList<>();
        if (vm.ref().namespace() != null) {
            findings.add(Finding.error("/metadata/namespace", "libvirt domains have no namespace; remove it"));
        }
        for (int i = 0; i < vm.nics().size(); i++) {
            if (vm.nics().get(i).binding() != null) {
                findings.add(Finding.error("/spec/nics/" + i + "/binding",
                        "binding is a KubeVirt setting; libvirt NICs have none, remove it"));
            }
        }
        return findings;
    }
}
