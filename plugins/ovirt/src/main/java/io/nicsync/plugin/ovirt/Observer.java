package io.nicsync.plugin.ovirt;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
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

/**
 * Reads one VM and turns the engine's one configuration of its NICs into nicsync's two views (see the package
 * documentation): on a VM that is up, a plugged NIC is live and persistent alike, an unplugged one is in the
 * configuration only; on a VM that is not up every NIC is in the configuration only. The engine's {@code plugged} is
 * what counts: VDSM answers an unplug only once the guest has released the device, so what the guest agent reports
 * afterwards is its last report, refreshed every two minutes by VDSM's qemu-guest-agent poller
 * ({@code qga_sysinfo_period}); it moves the fingerprint and the plugin's own waits, not the views.
 */
final class Observer {
    private final Engine engine;
    private final String target;

    Observer(Engine engine, String target) {
        this.engine = engine;
        this.target = target;
    }

    /** The catalogue as last read, and read anew. */
    interface Catalogues {
        Catalogue current() throws TargetException;

        Catalogue fresh() throws TargetException;
    }

    /** {@code vm} named by the catalogue last read, or by one read anew where that one does not name all of it. */
    Observed observe(EngineVm vm, Catalogues catalogues) throws TargetException {
        List<EngineNic> nics = engine.nics(vm);
        Catalogue catalogue = catalogues.current();
        if (!catalogue.names(vm, nics)) {
            catalogue = catalogues.fresh();
        }
        boolean running = vm.up() || EngineVm.PAUSED.equals(vm.status());
        List<LiveNic> live = new ArrayList<>();
        for (EngineNic nic : nics) {
            NicSpec spec = new NicSpec(nic.name(), nic.mac(), Networks.of(nic.profileId(), catalogue.profiles()),
                    nic.iface(), null, nic.linked() ? LinkState.UP : LinkState.DOWN, null);
            live.add(new LiveNic(nic.name(), nic.mac(), running && nic.plugged() ? spec : null, spec, null));
        }
        LiveVm liveVm = new LiveVm(VmRef.of(target, vm.name()), power(vm.status()), null, live, capacity(vm, nics),
                fingerprint(vm, nics));
        return new Observed(liveVm, vm, catalogue.clusters().get(vm.clusterId()), nics);
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

    /**
     * Moves with the VM's status and any NIC field the engine keeps: what a plan is made from. Not with the guest
     * agent's reports, which change every poll of VDSM and no plan depends on.
     */
    private static Fingerprint fingerprint(EngineVm vm, List<EngineNic> nics) {
        StringBuilder text = new StringBuilder(vm.status()).append('\n');
        nics.stream().sorted(Comparator.comparing(EngineNic::id)).forEach(n -> text.append(n).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What names the NICs' networks: the profiles, and each cluster's data center (and MAC pool). */
    record Catalogue(Profiles profiles, Map<String, EngineCluster> clusters) {
        Catalogue {
            clusters = Map.copyOf(clusters);
        }

        /** Whether it names everything of {@code vm}: its cluster and every profile its NICs are on. */
        boolean names(EngineVm vm, List<EngineNic> nics) {
            return clusters.containsKey(vm.clusterId()) && nics.stream().map(EngineNic::profileId)
                    .allMatch(id -> id == null || profiles.byId(id).isPresent());
        }
    }
}
