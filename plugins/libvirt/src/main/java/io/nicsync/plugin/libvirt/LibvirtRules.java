package io.nicsync.plugin.libvirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's rules on desired VMs, checked before anything connects. A namespace is an error, not a warning: a
 * libvirt domain would silently ignore it, and a user who wrote one expects an effect that will never come.
 * (Keys libvirt NICs do not have, such as {@code binding}, are refused by the validator from the plugin's
 * declarations.)
 */
final class LibvirtRules {
    private LibvirtRules() {
    }

    static List<Finding> check(DesiredVm vm) {
        List<Finding> findings = new ArrayList<>();
        if (vm.ref().namespace() != null) {
            findings.add(Finding.error("/metadata/namespace", "libvirt domains have no namespace; remove it"));
        }
        return findings;
    }
}
