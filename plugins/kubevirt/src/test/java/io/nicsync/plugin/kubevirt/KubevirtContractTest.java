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
 * The plugin contract on the simulated cluster, for a release with in-place hotplug, link state and repointing a
 * NAD, for a cluster without multus' dynamic-networks controller (hotplug by migration), and for VMs as upstream
 * manifests write them.
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

    /**
     * On VMs written as many upstream manifests are: created as {@code kubevirt.io/v1alpha3}, their template naming
     * no NIC (KubeVirt gives them its pod interface), on the oldest declarative release.
     */
    @Nested
    class UpstreamManifests extends TargetContract {
        @Override
        protected TargetPlugin plugin() {
            return new KubevirtPlugin();
        }

        @Override
        protected Platform platform() throws Exception {
            ObjectNode vm = Fixtures.object("kubevirt-examples/vm-cirros.yaml");
            vm.put("apiVersion", "kubevirt.io/v1alpha3");
            vm.withObjectProperty("metadata").put("name", "web-01").put("namespace", "prod");
            return new SimPlatform(SimConfig.v1(1), vm);
        }
    }

    /** {@code prod/web-01} running, {@code prod/web-02} stopped, NADs {@code blue} and {@code red}. */
    static final class SimPlatform implements Platform {
        private final Lab lab;
        private final VmRef stopped = new VmRef("lab", "prod", "web-02");

        SimPlatform(SimConfig config) throws Exception {
            this(config, Fixtures.web01());
        }

        /** With {@code web01} as web-01, and a copy of it as web-02. */
        SimPlatform(SimConfig config, ObjectNode web01) throws Exception {
            lab = Lab.of(config, web01.deepCopy(), true);
            ObjectNode second = web01.deepCopy();
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
