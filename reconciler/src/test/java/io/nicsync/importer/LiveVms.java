package io.nicsync.importer;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.VmRef;
import java.util.List;

/** Observed VMs and NICs for the import tests, built the way the libvirt plugin reports them. */
final class LiveVms {
    private LiveVms() {
    }

    static LiveVm running(VmRef ref, LiveNic... nics) {
        return new LiveVm(ref, PowerState.RUNNING, "pc-i440fx-7.2", List.of(nics),
                HotplugCapacity.slots(4, "4 free PCI slots"), new Fingerprint("fp-" + ref.name()));
    }

    static LiveVm stopped(VmRef ref, LiveNic... nics) {
        return new LiveVm(ref, PowerState.STOPPED, "pc-i440fx-7.2", List.of(nics),
                HotplugCapacity.unsupported("not running"), new Fingerprint("fp-" + ref.name()));
    }

    static NicSpec spec(String name, String mac, NetworkRef network, String model, LinkState link) {
        return new NicSpec(name, MacAddress.parse(mac), network, model, null, link, null);
    }

    /** Plugged and persisted alike. */
    static LiveNic both(String name, String mac, NetworkRef network, String pci) {
        NicSpec spec = spec(name, mac, network, "virtio", LinkState.UP);
        return new LiveNic(name, MacAddress.parse(mac), spec, spec, pci);
    }

    static LiveNic nic(String name, String mac, NicSpec live, NicSpec persistent, String pci) {
        return new LiveNic(name, MacAddress.parse(mac), live, persistent, pci);
    }

    static NetworkRef bridge(String name) {
        return NetworkRef.named("bridge", name);
    }
}
