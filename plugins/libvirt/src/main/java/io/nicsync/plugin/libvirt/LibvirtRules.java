package io.nicsync.plugin.libvirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import java.util.List;

/** libvirt's rules on desired NICs, checked before anything connects. */
final class LibvirtRules {
    private LibvirtRules() {
    }

    static List<Finding> check(DesiredVm vm) {
        return List.of();
    }
}
