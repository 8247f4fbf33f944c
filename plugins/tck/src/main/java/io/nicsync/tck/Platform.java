package io.nicsync.tck;

import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.Optional;

/**
 * A real or simulated platform that a plugin's contract test gives the kit, with what the kit may use on it. The kit
 * changes the VMs only through the target's steps and undoes each change itself, so one platform serves the whole
 * contract; closing it removes what the fixture made.
 */
public interface Platform extends AutoCloseable {

    /** The plugin's target on this platform, open. The kit never closes it; {@link #close} does. */
    Target target();

    /**
     * How {@code nicsync.yaml} declares this target: name and kind (the plugin's), settings as a user would write
     * them. The kit reads its declarations through it and opens nothing with it.
     */
    TargetConfig config();

    /** A running VM that takes NICs live: at least one free slot, and a guest that releases an unplugged NIC. */
    VmRef running();

    /** A VM that does not run, for persistent-only changes; empty when the platform has none to offer. */
    default Optional<VmRef> stopped() {
        return Optional.empty();
    }

    /** Two different networks a NIC can be put on, of kinds the plugin declares. */
    List<NetworkRef> networks();

    /** A network of a declared kind that this platform does not have: a preflight must refuse a NIC on it. */
    NetworkRef missingNetwork();

    /** The NIC {@code name} on {@code network} as the platform plugs one: with the model and binding it needs. */
    NicSpec nic(String name, NetworkRef network);

    @Override
    void close() throws Exception;
}
