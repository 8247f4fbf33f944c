package io.nicsync.plugin.ovirt;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one VM and turns the engine's one configuration of its NICs into nicsync's two views (see the package
 * documentation): on a VM that is up, a plugged NIC is live and persistent alike; an unplugged one is in the
 * configuration only, unless the guest agent still reports its MAC, in which case the guest still holds it and it is
 * live only; on a VM that is not up every NIC is in the configuration only.
 */
final class Observer {
    private final Engine engine;
    private final String target;

    Observer(Engine engine, String target) {
        this.engine = engine;
        this.target = target;
    }

    Observed observe(EngineVm vm, Catalogue catalogue) throws TargetException {
        List<EngineNic> nics = engine.nics(vm);
        boolean running = vm.up() || EngineVm.PAUSED.equals(vm.status());
        Set<MacAddress> reported = running ? engine.reportedMacs(vm) : Set.of();
        List<LiveNic> live = new ArrayList<>();
        for (EngineNic nic : nics) {
            NicSpec spec = new NicSpec(nic.name(), nic.mac(), Networks.of(nic.profileId(), catalogue.profiles()),
                    nic.iface(), null, nic.linked() ? LinkState.UP : LinkState.DOWN, null);
            boolean held = nic.mac() != null && reported.contains(nic.mac());
            if (running && nic.plugged()) {
                live.add(new LiveNic(nic.name(), nic.mac(), spec, spec, null));
            } else if (running && held) {
                live.add(new LiveNic(nic.name(), nic.mac(), spec, null, null));
            } else {
                live.add(new LiveNic(nic.name(), nic.mac(), null, spec, null));
            }
        }
        LiveVm liveVm = new LiveVm(VmRef.of(target, vm.name()), power(vm.status()), null, live, capacity(vm, nics),
                fingerprint(vm, nics, reported));
        return new Observed(liveVm, vm, catalogue.dataCenters().get(vm.clusterId()), nics, reported);
    }

    private HotplugCapacity capacity(EngineVm vm, List<EngineNic> nics) throws TargetException {
        if (!vm.up()) {
            return HotplugCapacity.unsupported("the VM is " + vm.status() + ": the engine plugs NICs only into a VM"
                    + " that is up");
        }
        return new PciBudget(vm.monitors(), nics.stream().map(EngineNic::iface).toList(), engine.virtioDisks(vm),
                vm.virtioScsi(), engine.hasWatchdog(vm), vm.soundcard()).capacity();
    }

    static PowerState power(String status) {
        return switch (status) {
            case EngineVm.UP -> PowerState.RUNNING;
            case EngineVm.PAUSED -> PowerState.PAUSED;
            case EngineVm.DOWN -> PowerState.STOPPED;
            default -> PowerState.OTHER;
        };
    }

    /** Moves with the VM's status, any NIC field the engine keeps, and what the guest agent reports. */
    private static Fingerprint fingerprint(EngineVm vm, List<EngineNic> nics, Set<MacAddress> reported) {
        StringBuilder text = new StringBuilder(vm.status()).append('\n');
        nics.stream().sorted(Comparator.comparing(EngineNic::id)).forEach(n -> text.append(n).append('\n'));
        reported.stream().map(MacAddress::value).sorted().forEach(m -> text.append(m).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What names the NICs' networks: the profiles, and each cluster's data center. */
    record Catalogue(Profiles profiles, Map<String, String> dataCenters) {
        Catalogue {
            dataCenters = Map.copyOf(dataCenters);
        }
    }
}
