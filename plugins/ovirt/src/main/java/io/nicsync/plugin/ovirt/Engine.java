package io.nicsync.plugin.ovirt;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.TargetException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.ovirt.engine.sdk4.Connection;
import org.ovirt.engine.sdk4.builders.MacBuilder;
import org.ovirt.engine.sdk4.builders.NicBuilder;
import org.ovirt.engine.sdk4.builders.VnicProfileBuilder;
import org.ovirt.engine.sdk4.services.SystemService;
import org.ovirt.engine.sdk4.services.VmService;
import org.ovirt.engine.sdk4.types.Cluster;
import org.ovirt.engine.sdk4.types.DiskAttachment;
import org.ovirt.engine.sdk4.types.DiskInterface;
import org.ovirt.engine.sdk4.types.Network;
import org.ovirt.engine.sdk4.types.Nic;
import org.ovirt.engine.sdk4.types.NicInterface;
import org.ovirt.engine.sdk4.types.ReportedDevice;
import org.ovirt.engine.sdk4.types.Vm;
import org.ovirt.engine.sdk4.types.VnicPassThroughMode;
import org.ovirt.engine.sdk4.types.VnicProfile;

/**
 * Every request the plugin makes, through the SDK's services, and the SDK's types turned into the plugin's records:
 * nothing else in the plugin sees the SDK. Each failure becomes a {@link TargetException} that keeps the engine's
 * words ({@link EngineErrors}).
 */
final class Engine implements AutoCloseable {
    private final Connection connection;
    private final EngineHttp http;

    Engine(Connection connection, EngineHttp http) {
        this.connection = connection;
        this.http = http;
    }

    /** Requests of this thread wait no longer than {@code deadline}'s end (see {@link EngineHttp#limit}). */
    EngineHttp.Scope within(Deadline deadline) {
        return http.limit(deadline.end());
    }

    /** Requests of this thread wait as long as any request may: putting a VM back as it was. */
    EngineHttp.Scope unlimited() {
        return http.unlimited();
    }

    EngineHttp http() {
        return http;
    }

    /** The engine's release as it reports it, such as {@code 4.5.6}; this also logs in. */
    String version() throws TargetException {
        return call("reading the engine's release", () -> {
            var info = system().get().send().api().productInfo();
            return info.version().fullVersionPresent() ? info.version().fullVersion()
                    : info.version().major() + "." + info.version().minor();
        });
    }

    List<EngineVm> vms() throws TargetException {
        return call("listing the VMs", () -> system().vmsService().list().send().vms().stream()
                .map(Engine::vm).toList());
    }

    /** The VM named {@code name}: VM names are unique in an engine. */
    Optional<EngineVm> vm(String name) throws TargetException {
        return call(name + ": reading the VM", () -> system().vmsService().list().search("name=" + quoted(name))
                .send().vms().stream().map(Engine::vm).filter(v -> v.name().equals(name)).findFirst());
    }

    List<EngineNic> nics(EngineVm vm) throws TargetException {
        return call(vm.name() + ": reading its NICs", () -> vmService(vm).nicsService().list().send().nics().stream()
                .map(Engine::nic).toList());
    }

    /** The MACs of the NICs the guest agent reports; empty when there is no agent. */
    Set<MacAddress> reportedMacs(EngineVm vm) throws TargetException {
        return call(vm.name() + ": reading the devices its guest agent reports", () -> {
            Set<MacAddress> out = new HashSet<>();
            for (ReportedDevice d : vmService(vm).reportedDevicesService().list().send().reportedDevice()) {
                if (d.macPresent() && d.mac().addressPresent() && MacAddress.isWellFormed(d.mac().address())) {
                    out.add(MacAddress.parse(d.mac().address()));
                }
            }
            return out;
        });
    }

    /** The VM's disks on virtio-blk: each one of the engine's PCI devices. */
    int virtioDisks(EngineVm vm) throws TargetException {
        return call(vm.name() + ": reading its disk attachments", () -> (int) vmService(vm).diskAttachmentsService()
                .list().send().attachments().stream()
                .filter(DiskAttachment::interface_Present).filter(a -> a.interface_() == DiskInterface.VIRTIO)
                .count());
    }

    boolean hasWatchdog(EngineVm vm) throws TargetException {
        return call(vm.name() + ": reading its watchdogs", () -> !vmService(vm).watchdogsService().list().send()
                .watchdogs().isEmpty());
    }

    /** Every vNIC profile the user may see, with its network's name and data center. */
    List<Profile> profiles() throws TargetException {
        return call("listing the vNIC profiles", () -> {
            Map<String, Network> networks = new HashMap<>();
            for (Network n : system().networksService().list().send().networks()) {
                networks.put(n.id(), n);
            }
            return system().vnicProfilesService().list().send().profiles().stream()
                    .filter(p -> p.networkPresent() && networks.containsKey(p.network().id()))
                    .map(p -> profile(p, networks.get(p.network().id()))).toList();
        });
    }

    /** The clusters, each with its data center and MAC pool. */
    Map<String, EngineCluster> clusters() throws TargetException {
        return call("listing the clusters", () -> {
            Map<String, EngineCluster> out = new HashMap<>();
            for (Cluster c : system().clustersService().list().send().clusters()) {
                out.put(c.id(), new EngineCluster(c.id(), c.dataCenterPresent() ? c.dataCenter().id() : null,
                        c.macPoolPresent() ? c.macPool().id() : null));
            }
            return out;
        });
    }

    /** The networks attached to a host's NICs: those a NIC of a VM running there can be plugged into. */
    Set<String> hostNetworkIds(String hostId) throws TargetException {
        return call("reading the networks of host " + hostId, () -> {
            Set<String> out = new HashSet<>();
            system().hostsService().hostService(hostId).networkAttachmentsService().list().send().attachments()
                    .stream().filter(a -> a.networkPresent()).forEach(a -> out.add(a.network().id()));
            return out;
        });
    }

    /** Whether the MAC pool {@code poolId} lets two NICs share a MAC. */
    boolean allowsDuplicateMacs(String poolId) throws TargetException {
        return call("reading MAC pool " + poolId, () -> {
            var pool = system().macPoolsService().macPoolService(poolId).get().send().pool();
            return pool.allowDuplicatesPresent() && pool.allowDuplicates();
        });
    }

    EngineNic addNic(EngineVm vm, NicWrite write) throws TargetException {
        return write(vm.name() + "/" + write.name() + ": adding it", () -> nic(vmService(vm).nicsService().add()
                .nic(builder(write)).send().nic()));
    }

    void updateNic(EngineVm vm, EngineNic nic, NicWrite write, String doing) throws TargetException {
        write(vm.name() + "/" + nic.name() + ": " + doing, () -> vmService(vm).nicsService().nicService(nic.id())
                .update().nic(builder(write)).send());
    }

    void deactivate(EngineVm vm, EngineNic nic) throws TargetException {
        write(vm.name() + "/" + nic.name() + ": unplugging it (deactivate)", () -> vmService(vm).nicsService()
                .nicService(nic.id()).deactivate().send());
    }

    void removeNic(EngineVm vm, EngineNic nic) throws TargetException {
        write(vm.name() + "/" + nic.name() + ": removing it", () -> vmService(vm).nicsService().nicService(nic.id())
                .remove().send());
    }

    /** Asks the guest to shut down (ACPI or the guest agent). */
    void shutdown(EngineVm vm) throws TargetException {
        write(vm.name() + ": shutting it down", () -> vmService(vm).shutdown().send());
    }

    /** Powers the VM off. */
    void stop(EngineVm vm) throws TargetException {
        write(vm.name() + ": powering it off", () -> vmService(vm).stop().send());
    }

    void start(EngineVm vm) throws TargetException {
        write(vm.name() + ": starting it", () -> vmService(vm).start().send());
    }

    /**
     * Revokes the SSO token and closes the connection pool. The SDK (4.4.5 HttpConnection.close) revokes first and
     * closes its client only when that worked; the pool is closed here whatever the revoke did.
     */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // the token expires by itself; nothing is lost
        } finally {
            try {
                http.close();
            } catch (java.io.IOException e) {
                // nothing left to do with a pool that fails to close
            }
        }
    }

    private SystemService system() {
        return connection.systemService();
    }

    private VmService vmService(EngineVm vm) {
        return system().vmsService().vmService(vm.id());
    }

    private static NicBuilder builder(NicWrite w) {
        NicBuilder b = new NicBuilder();
        if (w.name() != null) {
            b.name(w.name());
        }
        if (w.iface() != null) {
            b.interface_(NicInterface.fromValue(w.iface()));
        }
        if (w.mac() != null) {
            b.mac(new MacBuilder().address(w.mac().value()));
        }
        if (w.profileId() != null) {
            b.vnicProfile(w.profileId().equals(NicWrite.NO_PROFILE) ? new VnicProfileBuilder()
                    : new VnicProfileBuilder().id(w.profileId()));
        }
        if (w.linked() != null) {
            b.linked(w.linked());
        }
        if (w.plugged() != null) {
            b.plugged(w.plugged());
        }
        return b;
    }

    private static EngineVm vm(Vm v) {
        int monitors = v.displayPresent() && v.display().monitorsPresent() ? v.display().monitors().intValue() : 0;
        return new EngineVm(v.id(), v.name(), v.statusPresent() ? v.status().value() : "unknown",
                v.clusterPresent() ? v.cluster().id() : null, v.hostPresent() ? v.host().id() : null, monitors,
                v.virtioScsiPresent() && v.virtioScsi().enabledPresent() && v.virtioScsi().enabled(),
                v.soundcardEnabledPresent() && v.soundcardEnabled());
    }

    private static EngineNic nic(Nic n) {
        MacAddress mac = n.macPresent() && n.mac().addressPresent() ? MacAddress.parse(n.mac().address()) : null;
        return new EngineNic(n.id(), n.name(), mac, n.interface_Present() ? n.interface_().value() : null,
                n.vnicProfilePresent() ? n.vnicProfile().id() : null, !n.linkedPresent() || n.linked(),
                n.pluggedPresent() && n.plugged());
    }

    private static Profile profile(VnicProfile p, Network n) {
        return new Profile(p.id(), p.name(), n.id(), n.name(), n.dataCenterPresent() ? n.dataCenter().id() : null,
                p.portMirroringPresent() && p.portMirroring(),
                p.passThroughPresent() && p.passThrough().mode() == VnicPassThroughMode.ENABLED);
    }

    /** The engine's search syntax takes a value with spaces or quotes in double quotes. */
    private static String quoted(String value) {
        return value.matches("[\\w.-]+") ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private <T> T call(String what, Supplier<T> request) throws TargetException {
        return send(what, request, false);
    }

    private <T> T write(String what, Supplier<T> request) throws TargetException {
        return send(what, request, true);
    }

    private void write(String what, Runnable request) throws TargetException {
        send(what, () -> {
            request.run();
            return null;
        }, true);
    }

    private <T> T send(String what, Supplier<T> request, boolean write) throws TargetException {
        java.time.Duration waits = http.timeout();
        try {
            return request.get();
        } catch (org.ovirt.engine.sdk4.Error e) {
            throw EngineErrors.of(what, e, write, waits);
        }
    }
}
