package io.nicsync.plugin.libvirt;

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
 * The plugin contract on the real lab: libvirtd with QEMU, a booted i440fx kernel guest that acknowledges unplugs,
 * a defined guest that does not run, the bridges br-lab0 and br-lab1 and the libvirt network {@code lab}.
 */
class LibvirtContractIT extends TargetContract {

    @Override
    protected TargetPlugin plugin() {
        return new LibvirtPlugin();
    }

    @Override
    protected Platform platform() throws Exception {
        Lab.require();
        return new LabPlatform(LabGuest.booted(LabGuest.Kind.KERNEL), LabGuest.defined(LabGuest.Kind.KERNEL),
                Lab.open());
    }

    private record LabPlatform(LabGuest up, LabGuest down, Target target) implements Platform {
        @Override
        public TargetConfig config() {
            return new TargetConfig("lab", "libvirt", Map.of("uri", Lab.URI));
        }

        @Override
        public VmRef running() {
            return up.ref();
        }

        @Override
        public Optional<VmRef> stopped() {
            return Optional.of(down.ref());
        }

        @Override
        public List<NetworkRef> networks() {
            return List.of(Networks.bridge(Lab.OTHER_BRIDGE), Networks.network(Lab.NETWORK));
        }

        @Override
        public NetworkRef missingNetwork() {
            return Networks.bridge("br-nope");
        }

        @Override
        public NicSpec nic(String name, NetworkRef network) {
            return new NicSpec(name, null, network, "virtio", null, LinkState.UP, null);
        }

        @Override
        public void close() throws Exception {
            try (LabGuest a = up; LabGuest b = down) {
                target.close();
            }
        }
    }
}
