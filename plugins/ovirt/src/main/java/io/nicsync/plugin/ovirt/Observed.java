package io.nicsync.plugin.ovirt;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import java.util.List;
import java.util.Optional;

/**
 * One VM as read from the engine at one time: nicsync's view of it ({@link #live}) and the engine's own records that
 * steps act on.
 *
 * @param cluster its cluster: the data center its NICs' profiles are named in, the MAC pool of their MACs; null when
 *     the engine did not list it
 */
record Observed(LiveVm live, EngineVm vm, EngineCluster cluster, List<EngineNic> nics) {
    Observed {
        nics = List.copyOf(nics);
    }

    String dataCenterId() {
        return cluster == null ? null : cluster.dataCenterId();
    }

    /** The engine's NIC a step means: by name, else by MAC. */
    Optional<EngineNic> nic(NicSpec spec) {
        return nics.stream().filter(n -> Nics.identifies(spec, n.name(), n.mac())).findFirst();
    }
}
