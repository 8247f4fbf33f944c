package io.nicsync.plugin.ovirt;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.VmRef;
import io.nicsync.tck.Platform;
import io.nicsync.tck.TargetContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin contract on the simulated engine: {@code web-01} running, {@code web-02} down, the profiles
 * {@code lab-a/lab-a} and {@code lab-b/lab-b}. Every document the contract's requests exchange is checked against the
 * API model when the engine closes.
 */
class OvirtContractTest extends TargetContract {

    @Override
    protected TargetPlugin plugin() {
        return new OvirtPlugin();
    }

    @Override
    protected Platform platform() throws Exception {
        return new SimPlatform(OvirtLab.standard());
    }

    /** The simulated engine as the kit's platform. */
    static final class SimPlatform implements Platform {
        private final OvirtLab lab;

        SimPlatform(OvirtLab lab) {
            this.lab = lab;
        }

        @Override
        public Target target() {
            return lab.target;
        }

        @Override
        public TargetConfig config() {
            return lab.config(Map.of());
        }

        @Override
        public VmRef running() {
            return OvirtLab.vm("web-01");
        }

        @Override
        public Optional<VmRef> stopped() {
            return Optional.of(OvirtLab.vm("web-02"));
        }

        @Override
        public List<NetworkRef> networks() {
            return List.of(Networks.profile("lab-a", "lab-a"), Networks.profile("lab-b", "lab-b"));
        }

        @Override
        public NetworkRef missingNetwork() {
            return Networks.profile("lab-nowhere", "lab-nowhere");
        }

        @Override
        public NicSpec nic(String name, NetworkRef network) {
            return new NicSpec(name, null, network, "virtio", null, LinkState.UP, null);
        }

        @Override
        public void close() {
            lab.close();
        }
    }
}
