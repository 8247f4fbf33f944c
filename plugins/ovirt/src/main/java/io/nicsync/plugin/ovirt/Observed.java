package io.nicsync.plugin.ovirt;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One VM as read from the engine at one time: nicsync's view of it ({@link #live}) and the engine's own records that
 * steps act on.
 *
 * @param dataCenterId the data center of its cluster, where its NICs' profiles are named
 * @param reported the MACs its guest agent reports; empty without an agent
 */
record Observed(LiveVm live, EngineVm vm, String dataCenterId, List<EngineNic> nics, Set<MacAddress> reported) {
    Observed {
        nics = List.copyOf(nics);
        reported = Set.copyOf(reported);
    }

    /** The engine's NIC a step means: by name, else by MAC. */
    Optional<EngineNic> nic(NicSpec spec) {
        if (spec.name() != null) {
            return nics.stream().filter(n -> spec.name().equals(n.name())).findFirst();
        }
        return nics.stream().filter(n -> spec.mac() != null && spec.mac().equals(n.mac())).findFirst();
    }
}
