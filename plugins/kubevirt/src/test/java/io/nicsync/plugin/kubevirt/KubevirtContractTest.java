package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
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
import org.junit.jupiter.api.Nested;

/**
 * The plugin contract on the simulated cluster, for the newest release the plugin supports (in-place hotplug, link
 * state, repointing a NAD) and for a cluster without multus' dynamic-networks controller (hotplug by migration).
 * Every write the contract makes is checked against KubeVirt's OpenAPI when the lab closes.
 */
class KubevirtContractTest {

    @Nested
    class InPlace extends TargetContract {
        @Override
        protected TargetPlugin plugin() {
            return new KubevirtPlugin();
        }

        @Override
        protected Platform platform() throws Exception {
            return new SimPlatform(SimConfig.v1(8));
        }
    }

    @Nested
    class ByMigration extends TargetContract {
        @Override
        protected TargetPlugin plugin() {
            return new KubevirtPlugin();
        }

        @Override
        protected Platform platform() throws Exception {
            return new SimPlatform(SimConfig.v1(6).withDynamicNetworks(false));
        }
    }

    /** {@code prod/web-01} running, {@code prod/web-02} stopped, NADs {@code blue} and {@code red}. */
    static final class SimPlatform implements Platform {
        private final Lab lab;
        private final VmRef stopped = new VmRef("lab", "prod", "web-02");

        SimPlatform(SimConfig config) throws Exception {
            lab = Lab.running(config);
            ObjectNode second = Fixtures.web01();
            second.with("metadata").put("name", stopped.name());
            lab.sim.createVm(second);
        }

        @Override
        public Target target() {
            return lab.target;
        }

        @Override
        public TargetConfig config() {
            return new TargetConfig("lab", "kubevirt", Map.of("context", "sim"));
        }

        @Override
        public VmRef running() {
            return Lab.WEB01;
        }

        @Override
        public Optional<VmRef> stopped() {
            return Optional.of(stopped);
        }

        @Override
        public List<NetworkRef> networks() {
            return List.of(Networks.multus("blue", "prod"), Networks.multus("red", "prod"));
        }

        @Override
        public NetworkRef missingNetwork() {
            return Networks.multus("gone", "prod");
        }

        @Override
        public NicSpec nic(String name, NetworkRef network) {
            return new NicSpec(name, null, network, "virtio", "bridge", LinkState.UP, null);
        }

        @Override
        public void close() {
            lab.close();
        }
    }
}
