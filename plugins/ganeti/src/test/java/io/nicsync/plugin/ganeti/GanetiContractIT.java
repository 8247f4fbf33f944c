package io.nicsync.plugin.ganeti;

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
import java.util.Optional;

/**
 * The plugin contract on the real lab cluster: a running KVM instance booted with the Debian kernel (it releases
 * unplugged devices), a stopped one, the bridges gnt-br0 and gnt-br1 and the Ganeti network labnet, reached through
 * RAPI on the host's loopback with the lab's CA.
 */
class GanetiContractIT extends TargetContract {

    @Override
    protected TargetPlugin plugin() {
        return new GanetiPlugin();
    }

    @Override
    protected Platform platform() throws Exception {
        GanetiLab.require();
        LabInstance running = LabInstance.running(LabInstance.Kind.KERNEL);
        LabInstance stopped = LabInstance.stopped(LabInstance.Kind.KERNEL);
        return new LabCluster(running, stopped, GanetiLab.open());
    }

    private record LabCluster(LabInstance up, LabInstance down, Target target) implements Platform {
        @Override
        public TargetConfig config() {
            return new TargetConfig("gnt", "ganeti", GanetiLab.settings());
        }

        @Override
        public VmRef running() {
            return VmRef.of("gnt", up.name());
        }

        @Override
        public Optional<VmRef> stopped() {
            return Optional.of(VmRef.of("gnt", down.name()));
        }

        @Override
        public List<NetworkRef> networks() {
            return List.of(NetworkRef.named(Networks.BRIDGE, "gnt-br1"), NetworkRef.named(Networks.NETWORK, "labnet"));
        }

        @Override
        public NetworkRef missingNetwork() {
            return NetworkRef.named(Networks.BRIDGE, "gnt-nope");
        }

        @Override
        public NicSpec nic(String name, NetworkRef network) {
            return new NicSpec(name, null, network, "virtio", null, LinkState.UP, null);
        }

        @Override
        public void close() {
            try (LabInstance a = up; LabInstance b = down) {
                target.close();
            }
        }
    }
}
